package com.helpdesk.core.port;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;
import java.util.Objects;

/**
 * One atomic change: the ticket's new state, the messages it gained and the events describing it.
 * {@code expectedVersion} is the version the change was based on (0 when creating); the store commits
 * all of it or nothing, and refuses when the stored version differs.
 */
public record TicketWrite(Ticket ticket, long expectedVersion, List<Message> newMessages, List<DomainEvent> events) {
    public TicketWrite {
        Objects.requireNonNull(ticket, "ticket");
        newMessages = newMessages == null ? List.of() : List.copyOf(newMessages);
        events = events == null ? List.of() : List.copyOf(events);
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("ticket version must be expectedVersion + 1");
        }
    }

    public boolean isCreate() {
        return expectedVersion == 0;
    }
}
