package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A warning, breach or met target to publish as an {@code SlaWarning} / {@code SlaBreached} / {@code SlaMet} event. {@code at} is when
 * the threshold was crossed (not when the timer noticed). {@link #dedupeKey()} is the same for every
 * attempt to emit the same signal, so a conditional write keeps it to one event per clock cycle.
 */
public record SlaSignal(String type, SlaTarget target, int cycle, Instant at, Instant dueAt, Duration goal,
                        String policy, String businessHours, SlaPolicy.OnBreach onBreach) {
    /** Detail-types on the bus (in the event catalog, events/bus). */
    public static final String WARNING = com.helpdesk.core.event.EventTypes.SLA_WARNING;
    public static final String BREACHED = com.helpdesk.core.event.EventTypes.SLA_BREACHED;
    public static final String MET = com.helpdesk.core.event.EventTypes.SLA_MET;

    public SlaSignal {
        if (!WARNING.equals(type) && !BREACHED.equals(type) && !MET.equals(type)) throw new IllegalArgumentException("unknown SLA signal " + type);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(policy, "policy");
    }

    public boolean isBreach() {
        return BREACHED.equals(type);
    }

    /** {@code <target>#<cycle>#<type>}: unique per ticket for one signal of one cycle. */
    public String dedupeKey() {
        return target.wire() + "#" + cycle + "#" + type;
    }

    /** The event's {@code data}: JSON-friendly values only. */
    public Map<String, Object> detail() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("target", target.wire());
        d.put("cycle", cycle);
        d.put("at", at.toString());
        d.put("dueAt", dueAt == null ? null : dueAt.toString());
        d.put("targetDuration", goal.toString());
        d.put("policy", policy);
        d.put("businessHours", businessHours);
        if (isBreach()) {
            Map<String, Object> then = new LinkedHashMap<>();
            then.put("escalate", onBreach.escalate());
            then.put("group", onBreach.group());
            then.put("tag", onBreach.tag());
            d.put("onBreach", then);
        }
        return d;
    }
}
