package com.helpdesk.core.ticket;

import java.util.List;
import java.util.Objects;

/** A ticket with its whole thread, oldest message first. */
public record TicketThread(Ticket ticket, List<Message> messages) {
    public TicketThread {
        Objects.requireNonNull(ticket, "ticket");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
