package com.helpdesk.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything metrics knows about one ticket: the set of observed events, kept in {@link Observation#ORDER}.
 * Because it is a set (by event id) and every figure is derived from timestamps in that order, the same
 * events give the same facts whatever order and however often they are delivered.
 */
public record TicketFacts(String ticketId, List<Observation> observations) {

    public TicketFacts {
        Objects.requireNonNull(ticketId, "ticketId");
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Observation.ORDER);
        observations = List.copyOf(sorted);
    }

    public static TicketFacts empty(String ticketId) {
        return new TicketFacts(ticketId, List.of());
    }

    public boolean applied(String eventId) {
        return observations.stream().anyMatch(o -> o.eventId().equals(eventId));
    }

    /** These facts with one more observation; the same facts when it was already applied. */
    public TicketFacts with(Observation observation) {
        if (applied(observation.eventId())) return this;
        List<Observation> more = new ArrayList<>(observations);
        more.add(observation);
        return new TicketFacts(ticketId, more);
    }
}
