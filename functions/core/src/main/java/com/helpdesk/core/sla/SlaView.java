package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explainable view of a ticket's clocks at one instant, as {@code GET /tickets/{id}} carries it under
 * {@code sla}: per target (in firstResponse, nextResponse, resolution order; a nextResponse clock appears
 * once the customer first writes after a reply) {@code state}, {@code dueAt} (only while running: when it
 * breaches or breached if nothing changes), {@code remaining} business time (negative once breached),
 * {@code policy} and {@code businessHours} (null: around the clock).
 */
public final class SlaView {
    private SlaView() {}

    public static Map<String, Object> of(TicketSla sla, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SlaTarget target : SlaTarget.values()) {
            SlaClock c = sla.clocks().get(target);
            if (c == null) continue;
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("state", c.state(now, sla.calendar()));
            v.put("dueAt", c.isRunning() ? c.dueAt().toString() : null);
            v.put("remaining", signed(c.remainingAt(now, sla.calendar())));
            v.put("policy", sla.policy().id());
            v.put("businessHours", sla.policy().businessHours());
            out.put(target.wire(), v);
        }
        return out;
    }

    /**
     * ISO-8601 has no negative durations; the common extension (which {@link Duration#parse} reads) puts
     * the sign in front: "-PT1H30M", where {@link Duration#toString} would write "PT-1H-30M".
     */
    public static String signed(Duration d) {
        return d.isNegative() ? "-" + d.negated() : d.toString();
    }
}
