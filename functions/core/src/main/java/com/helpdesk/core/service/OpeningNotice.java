package com.helpdesk.core.service;

import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.Optional;

/**
 * An automatic notice that goes into the thread together with the ticket a customer's message opens (email's
 * acknowledgment): written in the same transaction as the ticket, so it costs a message and its event rather than a
 * change of its own (docs/access-patterns.md, "Write units per operation").
 */
@FunctionalInterface
public interface OpeningNotice {
    OpeningNotice NONE = (opened, first) -> Optional.empty();

    /**
     * @param key    the notice's threading value, which tells a ticket's notices apart (a notice is written once per key)
     * @param author the system actor that writes it
     */
    record Text(String key, String body, Actor author) {}

    /** The notice for {@code opened}, whose first message is {@code first}; empty when it gets none. */
    Optional<Text> forOpened(Ticket opened, Message first);
}
