package com.helpdesk.core.port;

import com.helpdesk.core.event.DomainEvent;

import java.util.List;

/** One page of a ticket's audit history, oldest first; {@code nextCursor} is null on the last page. */
public record HistoryPage(List<DomainEvent> entries, String nextCursor) {
    public HistoryPage {
        entries = List.copyOf(entries);
    }
}
