package com.helpdesk.core.privacy;

import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.StoreSelection;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A customer's tickets of one store, every status, from the requester index (never a scan): what erasure and export cover. */
final class CustomerTickets {
    static final int PAGE = 100;

    private CustomerTickets() {}

    /** @param identities the customer's email and phone as the requester index keeps them */
    static List<String> of(TicketRepository tickets, StoreRepository stores, String storeId, Set<String> identities) {
        List<Store> all = stores.list();
        Set<String> ids = new LinkedHashSet<>();
        for (String identity : identities) {
            String cursor = null;
            do {
                TicketPage page = tickets.list(new TicketQuery(null, null, identity, null), PAGE, cursor);
                for (Ticket t : page.items()) {
                    // the store the order lookup gives the ticket (TicketOrderLookup.storeOf)
                    Optional<Store> store = StoreSelection.forTicket(all, t.recipients(), ChatKeys.channelOf(t.conversation()));
                    if (store.map(Store::id).orElse("").equals(storeId)) ids.add(t.id());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return new ArrayList<>(ids);
    }
}
