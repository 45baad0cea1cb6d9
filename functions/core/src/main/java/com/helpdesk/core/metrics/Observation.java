package com.helpdesk.core.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * What metrics keep of one domain event: its id (for deduplication), what it says and when. Only the
 * fields the definitions use are kept (docs/metrics.md), as strings, so a ticket's facts stay small.
 *
 * @param actorType {@code customer}, {@code agent}, {@code ai} or {@code system}
 * @param actorId   may be null
 */
public record Observation(String eventId, Kind kind, Instant at, String actorType, String actorId, Map<String, String> fields) {

    /** The events metrics reads; others are not observed at all. */
    public enum Kind { CREATED, MESSAGE, STATUS, ASSIGNED, PRIORITY, GROUP, ESCALATED, MERGED, CSAT,
        /** An SLA cycle's outcome (SlaMet, SlaBreached): fields {@code target}, {@code cycle}, {@code outcome} met|breached, {@code businessHours}. */
        SLA,
        /** The ticket's intent was set (IntentClassified): fields {@code name} (absent under the threshold), {@code source} auto|agent. */
        INTENT,
        /** The ticket's order context was written (OrderContextUpdated): field {@code store}, the Shopify store it was read from. */
        STORE }

    /** Order of the facts: by time, then by kind (a creation before what its write carries), then by id, so ties are stable. */
    public static final Comparator<Observation> ORDER = Comparator.comparing(Observation::at)
            .thenComparing(Observation::kind).thenComparing(Observation::eventId);

    public Observation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        actorType = actorType == null ? "system" : actorType;
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }

    public String field(String name, String fallback) {
        return fields.getOrDefault(name, fallback);
    }
}
