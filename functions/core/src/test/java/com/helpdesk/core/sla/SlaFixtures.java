package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.core.sla.SlaTarget.FIRST_RESPONSE;
import static com.helpdesk.core.sla.SlaTarget.NEXT_RESPONSE;
import static com.helpdesk.core.sla.SlaTarget.RESOLUTION;
import static com.helpdesk.core.sla.TestCalendars.AROUND_THE_CLOCK;

/** What the clock tests share: a Monday morning, two policies, and short ways to read outcomes. */
final class SlaFixtures {
    private SlaFixtures() {}

    /** Monday 30 November 2026, 09:00 UTC. */
    static final Instant MON_9 = Instant.parse("2026-11-30T09:00:00Z");
    static final SlaPolicy STANDARD = policy("standard", null, Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24));
    static final SlaPolicy URGENT = policy("urgent", null, Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8));

    static SlaPolicy policy(String id, String businessHours, Duration first, Duration next, Duration resolution) {
        Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
        if (first != null) targets.put(FIRST_RESPONSE, first);
        if (next != null) targets.put(NEXT_RESPONSE, next);
        if (resolution != null) targets.put(RESOLUTION, resolution);
        return new SlaPolicy(id, id, 1, SlaMatch.ANY, businessHours, targets, 0.75, new SlaPolicy.OnBreach(true, "tier2", "sla-breached"));
    }

    static Instant at(int minutes) {
        return MON_9.plus(Duration.ofMinutes(minutes));
    }

    static TicketSla created(SlaPolicy policy, int minute) {
        return TicketSla.create(policy, AROUND_THE_CLOCK, Status.NEW, at(minute), "TicketCreated").sla();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> view(TicketSla sla, Instant now, SlaTarget target) {
        return (Map<String, Object>) sla.view(now).get(target.wire());
    }

    static List<String> kinds(SlaOutcome o) {
        return o.ledger().stream().map(e -> e.target().wire() + " " + e.kind().wire()).toList();
    }
}
