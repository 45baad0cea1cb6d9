package com.helpdesk.core.orders;

import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.ticket.Ticket;

import java.util.Optional;

/**
 * What a ticket shows as its order context: the one the lookup stored; {@code pending} while a store answers for
 * the ticket and no lookup has written yet; nothing when no store answers for it (no store configured, or
 * several and none the default).
 */
public final class OrderContextReads {
    private final OrderContexts contexts;
    private final StoreRepository stores;

    public OrderContextReads(OrderContexts contexts, StoreRepository stores) {
        this.contexts = contexts;
        this.stores = stores;
    }

    public Optional<OrderContext> forTicket(Ticket ticket) {
        Optional<OrderContexts.Stored> stored = contexts.find(ticket.id());
        if (stored.isPresent()) return Optional.of(stored.get().context());
        return StoreSelection.forTicket(stores.list(), ticket.recipients(), ChatKeys.channelOf(ticket.conversation()))
                .map(store -> OrderContext.pending(store.id(), null));
    }
}
