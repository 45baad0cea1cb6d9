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

    /** Whether the ticket has a new version to write. */
    public boolean changed() {
        return !events.isEmpty();
    }
}
