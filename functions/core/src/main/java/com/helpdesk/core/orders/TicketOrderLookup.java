package com.helpdesk.core.orders;

import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.Optional;

/**
 * What the lookup function runs for one ticket event: it reads the ticket as it is now (requester, subject,
 * the customer's message the event names, or the first one), picks the ticket's store and refreshes the
 * ticket's order context. Only customer messages are read for order numbers: an agent quoting "#1001" in a
 * reply says nothing new about the customer.
 */
public final class TicketOrderLookup {
    private final TicketRepository tickets;
    private final StoreRepository stores;
    private final OrderContextRefresh refresh;

    public TicketOrderLookup(TicketRepository tickets, StoreRepository stores, OrderContextRefresh refresh) {
        this.tickets = tickets;
        this.stores = stores;
        this.refresh = refresh;
    }

    /**
     * @param messageId the customer message a MessageAdded names; null for TicketCreated (the first customer message)
     * @param lastAttempt whether the queue will not deliver this event again
     */
    public OrderContextRefresh.Outcome run(String ticketId, String messageId, boolean lastAttempt) {
        Optional<TicketThread> thread = tickets.find(ticketId);
        if (thread.isEmpty()) return new OrderContextRefresh.Outcome.Skipped("no ticket " + ticketId);
        Ticket ticket = thread.get().ticket();
        if (ticket.mergedInto() != null) return new OrderContextRefresh.Outcome.Skipped("ticket " + ticketId + " was merged into " + ticket.mergedInto());
        Message message = customerMessage(thread.get(), messageId);
        if (messageId != null && message == null) return new OrderContextRefresh.Outcome.Skipped("message " + messageId + " is not a customer message of ticket " + ticketId);
        // A new ticket's first message comes with both TicketCreated and MessageAdded: one lookup is enough.
        if (messageId != null && thread.get().messages().stream().filter(m -> ticketId.equals(m.ticketId())).findFirst()
                .map(first -> first.id().equals(messageId)).orElse(false)) {
            return new OrderContextRefresh.Outcome.Skipped("message " + messageId + " opened ticket " + ticketId + ": looked up with TicketCreated");
        }
        Optional<Store> store = storeOf(ticket);
        var facts = new OrderContextRefresh.Facts(ticket.id(), ticket.number(), store.orElse(null), ticket.requester().email(),
                ticket.requester().phone(), ticket.subject(), message == null ? null : message.body());
        return refresh.refresh(facts, lastAttempt);
    }

    /**
     * Refreshes a ticket after a webhook said that its customer's orders in {@code storeId} changed: every order on
     * the ticket is read again (the cache was evicted by the caller). A ticket of another store is left alone.
     */
    public OrderContextRefresh.Outcome refreshAfterChange(String ticketId, String storeId, boolean lastAttempt) {
        Optional<TicketThread> thread = tickets.find(ticketId);
        if (thread.isEmpty()) return new OrderContextRefresh.Outcome.Skipped("no ticket " + ticketId);
        Ticket ticket = thread.get().ticket();
        if (ticket.mergedInto() != null) return new OrderContextRefresh.Outcome.Skipped("ticket " + ticketId + " was merged into " + ticket.mergedInto());
        Optional<Store> store = storeOf(ticket);
        if (store.isEmpty() || !store.get().id().equals(storeId)) {
            return new OrderContextRefresh.Outcome.Skipped("ticket " + ticketId + " is not of store " + storeId);
        }
        Message first = customerMessage(thread.get(), null);
        var facts = new OrderContextRefresh.Facts(ticket.id(), ticket.number(), store.get(), ticket.requester().email(),
                ticket.requester().phone(), ticket.subject(), first == null ? null : first.body());
        return refresh.refresh(facts, lastAttempt, true);
    }

    /** The ticket's store: the one its mail was sent to or its chat channel belongs to, else the default store. */
    public Optional<Store> storeOf(Ticket ticket) {
        return StoreSelection.forTicket(stores.list(), ticket.recipients(), ChatKeys.channelOf(ticket.conversation()));
    }

    private static Message customerMessage(TicketThread thread, String messageId) {
        for (Message m : thread.messages()) {
            if (!thread.ticket().id().equals(m.ticketId()) || m.author().type() != ActorType.CUSTOMER) continue;
            if (messageId == null || m.id().equals(messageId)) return m;
        }
        return null;
    }
}
