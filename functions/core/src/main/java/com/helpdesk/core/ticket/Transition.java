package com.helpdesk.core.ticket;

import com.helpdesk.core.event.DomainEvent;

import java.util.List;
import java.util.Objects;

/**
 * A ticket after one of its transitions, with the events that describe the change (written in the
 * same atomic write). A transition that changes nothing answers the ticket as it was and no events.
 */
public record Transition(Ticket ticket, List<DomainEvent> events) {
    public Transition {
        Objects.requireNonNull(ticket, "ticket");
        events = List.copyOf(events);
    }

    static Transition none(Ticket unchanged) {
        return new Transition(unchanged, List.of());
    }

    /**
     * The same transition with {@code reason} on each event that has none (a routing rule's changes say which
     * rule made them, as an escalation's say it was the escalation).
     */
    public Transition because(String reason) {
        if (reason == null) return this;
        List<DomainEvent> explained = events.stream().map(e -> {
            if (e.detail().containsKey("reason")) return e;
            java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>(e.detail());
            detail.put("reason", reason);
            return new DomainEvent(e.id(), e.type(), e.ticketId(), e.ticketNumber(), e.occurredAt(), e.actor(), detail);
        }).toList();
        return new Transition(ticket, explained);
    }

    /** Whether the ticket has a new version to write. */
    public boolean changed() {
        return !events.isEmpty();
    }
}
