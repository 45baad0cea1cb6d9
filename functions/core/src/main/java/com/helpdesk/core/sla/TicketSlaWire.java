package com.helpdesk.core.sla;

import com.helpdesk.core.sla.SlaClock.Phase;
import com.helpdesk.core.ticket.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A ticket's clocks as plain maps, lists, strings, numbers and booleans: what the store keeps with the
 * ticket, and reads back. The state is ours (never user input), so an unreadable state is a defect and
 * fails loudly with {@link IllegalStateException} naming the field rather than being guessed at.
 */
public final class TicketSlaWire {
    private TicketSlaWire() {}

    public static Map<String, Object> toWire(TicketSla sla) {
        Map<String, Object> clocks = new LinkedHashMap<>();
        sla.clocks().forEach((target, clock) -> clocks.put(target.wire(), clock(clock)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policy", SlaPolicyWire.toWire(sla.policy()));
        out.put("status", sla.status().wire());
        out.put("teamReplied", sla.teamReplied());
        out.put("teamSpokeLast", sla.teamSpokeLast());
        out.put("ended", sla.ended());
        out.put("clocks", clocks);
        return out;
    }

    /**
     * Reads a stored state back. {@code calendars} gives the business-time arithmetic of a calendar id
     * (called with null for around the clock); the caller decides what a calendar deleted meanwhile means.
     * Running clocks come back due when that calendar says, not when the calendar said at the last write.
     */
    public static TicketSla fromWire(Map<?, ?> state, Function<String, BusinessTime> calendars) {
        Map<?, ?> policyWire = map(state, "policy");
        SlaPolicy policy = SlaPolicyWire.parse(String.valueOf(policyWire.get("id")), policyWire);
        BusinessTime calendar = calendars.apply(policy.businessHours());
        Map<SlaTarget, SlaClock> clocks = new EnumMap<>(SlaTarget.class);
        for (Map.Entry<?, ?> e : map(state, "clocks").entrySet()) {
            SlaTarget target = SlaTarget.fromWire(String.valueOf(e.getKey()))
                    .orElseThrow(() -> corrupt("clocks." + e.getKey(), "is not a target"));
            if (!(e.getValue() instanceof Map<?, ?> clock)) throw corrupt("clocks." + e.getKey(), "is not an object");
            // the stored due time was computed under the calendar as it was then; it may have been edited since
            clocks.put(target, clock(target, clock).dueUnder(calendar));
        }
        return new TicketSla(policy, calendar, Status.parse("status", string(state, "status")),
                bool(state, "teamReplied"), bool(state, "teamSpokeLast"), bool(state, "ended"), clocks);
    }

    private static Map<String, Object> clock(SlaClock c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", c.phase().name().toLowerCase(Locale.ROOT));
        out.put("goal", c.goal().toString());
        out.put("warnAt", c.warnAt());
        out.put("elapsed", c.elapsed().toString());
        out.put("segmentStart", text(c.segmentStart()));
        out.put("dueAt", text(c.dueAt()));
        out.put("warnedAt", text(c.warnedAt()));
        out.put("breachedAt", text(c.breachedAt()));
        out.put("cycle", c.cycle());
        return out;
    }

    private static SlaClock clock(SlaTarget target, Map<?, ?> m) {
        String field = "clocks." + target.wire() + ".";
        try {
            Phase phase = Phase.valueOf(string(m, "phase").toUpperCase(Locale.ROOT));
            Object warnAt = m.get("warnAt");
            Object cycle = m.get("cycle");
            if (!(warnAt instanceof Number w) || !(cycle instanceof Number n)) throw corrupt(field + "warnAt/cycle", "is not a number");
            return new SlaClock(target, phase, Duration.parse(string(m, "goal")), w.doubleValue(), Duration.parse(string(m, "elapsed")),
                    instant(m, "segmentStart"), instant(m, "dueAt"), instant(m, "warnedAt"), instant(m, "breachedAt"), n.intValue());
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) throw e;
            throw corrupt(field.substring(0, field.length() - 1), "cannot be read: " + e.getMessage());
        }
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : Instant.parse(String.valueOf(v));
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Map<?, ?> inner) return inner;
        throw corrupt(key, "is not an object");
    }

    private static String string(Map<?, ?> m, String key) {
        if (m.get(key) instanceof String s) return s;
        throw corrupt(key, "is not a string");
    }

    private static boolean bool(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Boolean b) return b;
        throw corrupt(key, "is not a boolean");
    }

    private static IllegalStateException corrupt(String field, String why) {
        return new IllegalStateException("stored SLA state: " + field + " " + why);
    }
}
