package com.helpdesk.core.orders;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an order webhook (an order created, updated, fulfilled, cancelled, refunded; a customer changed) does:
 * forgets what the cache holds about that customer in that store, and refreshes the order context of each of
 * their open tickets of that store, found through the requester index (never a scan). Each refresh writes the
 * context with its {@code OrderContextUpdated} event. Running it again does the same again, so a retry is safe.
 */
public final class CustomerOrdersRefresh {
    /** Tickets read per page of the requester index. */
    static final int PAGE = 50;
    /** A customer with more open tickets than this is refreshed on their latest ones only: a bound on one webhook's work. */
    static final int MAX_TICKETS = 200;

    private final TicketRepository tickets;
    private final OrderContextCache cache;
    private final TicketOrderLookup lookup;
    private final StoreRepository stores;
    private final OrderBuyers buyers;

    public CustomerOrdersRefresh(TicketRepository tickets, OrderContextCache cache, TicketOrderLookup lookup, StoreRepository stores,
                                 OrderBuyers buyers) {
        this.tickets = tickets;
        this.cache = cache;
        this.lookup = lookup;
        this.stores = stores;
        this.buyers = buyers;
    }

    /** @param refreshed tickets whose context was written; {@code retryReason} non-null when the webhook is to be retried */
    public record Result(int refreshed, int skipped, String retryReason) {}

    public Result refresh(OrderWebhook webhook, boolean lastAttempt) {
        List<String> identities = identities(webhook.email(), webhook.phone());
        if (identities.isEmpty() && webhook.orderId() != null) {
            try {
                identities = buyerOf(webhook);
            } catch (OrderDirectoryException e) {
                return new Result(0, 0, e.reason());
            }
        }
        for (String identity : identities) {
            cache.evict(webhook.store(), (identity.contains("@") ? "email:" : "phone:") + identity);
        }
        int refreshed = 0, skipped = 0;
        String retry = null;
        for (String ticketId : openTickets(identities)) {
            OrderContextRefresh.Outcome outcome = lookup.refreshAfterChange(ticketId, webhook.store(), lastAttempt);
            if (outcome instanceof OrderContextRefresh.Outcome.RetryLater r) retry = r.reason();
            else if (outcome instanceof OrderContextRefresh.Outcome.GaveUp g) retry = g.reason();
            else if (outcome instanceof OrderContextRefresh.Outcome.Updated) refreshed++;
            else skipped++;
        }
        return new Result(refreshed, skipped, retry);
    }

    /** The identities of whoever placed the webhook's order; none when the store is gone or has no such order. */
    private List<String> buyerOf(OrderWebhook webhook) throws OrderDirectoryException {
        Optional<Store> store = stores.find(webhook.store());
        if (store.isEmpty()) return List.of();
        return buyers.buyerOf(store.get(), webhook.orderId()).map(b -> identities(b.email(), b.phone())).orElse(List.of());
    }

    /** The customer's identities as the requester index keeps them (normalised email, E.164 phone). */
    static List<String> identities(String email, String phone) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : new String[] {email, phone}) {
            if (raw == null || raw.isBlank()) continue;
            String identity = Requester.normaliseIdentity(raw);
            if (identity != null && !identity.isBlank()) out.add(identity);
        }
        return new ArrayList<>(out);
    }

    private List<String> openTickets(List<String> identities) {
        Set<String> ids = new LinkedHashSet<>();
        for (String identity : identities) {
            String cursor = null;
            do {
                TicketPage page = tickets.list(new TicketQuery(null, null, identity, null), PAGE, cursor);
                for (Ticket t : page.items()) {
                    if (t.status() != Status.RESOLVED && t.status() != Status.CLOSED && ids.size() < MAX_TICKETS) ids.add(t.id());
                }
                cursor = page.nextCursor();
            } while (cursor != null && ids.size() < MAX_TICKETS);
        }
        return new ArrayList<>(ids);
    }
}
