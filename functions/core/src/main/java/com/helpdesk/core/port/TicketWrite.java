package com.helpdesk.core.port;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;
import java.util.Objects;

/**
 * One atomic change: the ticket's new state, the state it was based on ({@code previous}, null when
 * creating), the messages it gained, lost (a split moves messages to a child) or changed (a reply's
 * delivery status), the thread keys that now lead to it (the Message-ID a provider gave a sent reply),
 * and the events describing it. The store commits all of it or nothing, and refuses when the stored
 * version is no longer {@code previous.version()}.
 * <p>
 * {@code changedFrom} holds the changed messages as they were read (by id), when the change is about
 * those messages alone (a reply's delivery): the ticket itself is then unchanged but for its version,
 * and a store may guard the write on those messages' states instead of the ticket's version, leaving
 * the ticket untouched. Empty: the ticket's version guards the write.
 */
public record TicketWrite(Ticket previous, Ticket ticket, List<Message> newMessages, List<Message> removedMessages,
                          List<DomainEvent> events, List<Message> changedMessages, List<String> threadKeys,
                          List<Message> changedFrom) {
    public TicketWrite {
        changedFrom = changedFrom == null ? List.of() : List.copyOf(changedFrom);
        Objects.requireNonNull(ticket, "ticket");
        newMessages = newMessages == null ? List.of() : List.copyOf(newMessages);
        removedMessages = removedMessages == null ? List.of() : List.copyOf(removedMessages);
        events = events == null ? List.of() : List.copyOf(events);
        changedMessages = changedMessages == null ? List.of() : List.copyOf(changedMessages);
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
        if (ticket.version() != expectedVersion(previous) + 1) {
            throw new IllegalArgumentException("ticket version must be the previous version + 1");
        }
        if (previous != null && !previous.id().equals(ticket.id())) {
            throw new IllegalArgumentException("previous state belongs to another ticket");
        }
    }

    public TicketWrite(Ticket previous, Ticket ticket, List<Message> newMessages, List<Message> removedMessages,
                       List<DomainEvent> events, List<Message> changedMessages, List<String> threadKeys) {
        this(previous, ticket, newMessages, removedMessages, events, changedMessages, threadKeys, List.of());
    }

    /** A change about {@code changed} messages alone (a reply's delivery), each read as {@code read} (same ids). */
    public static TicketWrite messagesOnly(Ticket previous, Ticket ticket, List<Message> read, List<Message> changed,
                                           List<DomainEvent> events, List<String> threadKeys) {
        return new TicketWrite(previous, ticket, List.of(), List.of(), events, changed, threadKeys, read);
    }

    public TicketWrite(Ticket previous, Ticket ticket, List<Message> newMessages, List<DomainEvent> events) {
        this(previous, ticket, newMessages, List.of(), events, List.of(), List.of());
    }

    public TicketWrite(Ticket previous, Ticket ticket, List<Message> newMessages, List<Message> removedMessages,
                       List<DomainEvent> events) {
        this(previous, ticket, newMessages, removedMessages, events, List.of(), List.of());
    }

    public static TicketWrite create(Ticket ticket, List<Message> messages, List<DomainEvent> events) {
        return new TicketWrite(null, ticket, messages, List.of(), events, List.of(), List.of());
    }

    /** The version the stored ticket must still have: 0 when creating. */
    public long expectedVersion() {
        return expectedVersion(previous);
    }

    public boolean isCreate() {
        return previous == null;
    }

    private static long expectedVersion(Ticket previous) {
        return previous == null ? 0 : previous.version();
    }
}
