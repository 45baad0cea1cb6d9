package com.helpdesk.core.port;

import com.helpdesk.core.ticket.Ticket;

import java.util.List;

/** One page of a queue view. {@code nextCursor} is null on the last page; a page may be short (even empty) while a cursor remains. */
public record TicketPage(List<Ticket> items, String nextCursor) {
    public TicketPage {
        items = List.copyOf(items);
    }
}
