package com.helpdesk.core.inbound;

import java.util.Map;
import java.util.Optional;

/**
 * Where an inbound message's keys lead, read together before threading: the ticket its delivery went to when it was
 * stored before ({@code deliveredTo}, null: never), and the ticket each thread key points to (a key that points
 * nowhere is absent).
 */
public record InboundLookup(String deliveredTo, Map<String, String> threadKeyTickets) {
    public InboundLookup {
        threadKeyTickets = threadKeyTickets == null ? Map.of() : Map.copyOf(threadKeyTickets);
    }

    public Optional<String> deliveredBefore() {
        return Optional.ofNullable(deliveredTo);
    }

    public Optional<String> ticketOf(String threadKey) {
        return Optional.ofNullable(threadKeyTickets.get(threadKey));
    }
}
