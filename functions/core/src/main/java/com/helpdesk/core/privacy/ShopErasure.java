package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's {@code shop/redact} (48 hours after a store uninstalled the app): erases everything the helpdesk keeps
 * about that store. First the store's configuration and secrets, so that no lookup or webhook adds to it any more;
 * then, slice by slice, the personal data of every customer on the store's tickets (as {@code customers/redact} erases
 * one customer's: files, then items) with their order caches and flood counters; last the store's remaining caches,
 * data export records and exported files. A large store does not fit in one invocation: {@link #eraseSlice} does at
 * most {@code ticketsPerSlice} tickets and says whether the caller must continue; the job item holds the checkpoint
 * and, once finished, is the audit record (no personal data). Every step is idempotent, so a crash, a redelivery or a
 * duplicate webhook only repeats work that changes nothing.
 */
public final class ShopErasure {
    /** Each ticket costs a Query of its collection and a write per item: 25 stay well inside the function's timeout. */
    public static final int TICKETS_PER_SLICE = 25;
    static final String REASON = "shop/redact";

    private final TicketRepository tickets;
    private final StoreData storeData;
    private final PersonalDataStore data;
    private final PersonalFiles files;
    private final StoreService stores;
    private final Clock clock;
    private final int ticketsPerSlice;

    public ShopErasure(TicketRepository tickets, StoreData storeData, PersonalDataStore data, PersonalFiles files,
                       StoreService stores, Clock clock, int ticketsPerSlice) {
        if (ticketsPerSlice < 1) throw new IllegalArgumentException("ticketsPerSlice must be at least 1");
        this.tickets = tickets;
        this.storeData = storeData;
        this.data = data;
        this.files = files;
        this.stores = stores;
        this.clock = clock;
        this.ticketsPerSlice = ticketsPerSlice;
    }

    /** @return the job after this slice: unfinished ({@code finishedAt} null) when the caller must run another slice */
    public ShopErasureJob eraseSlice(OrderWebhook webhook) {
        String store = webhook.store();
        String jobId = "shop#" + store + "#" + webhook.eventId();
        Optional<ShopErasureJob> existing = storeData.findJob(jobId);
        if (existing.isPresent() && existing.get().finishedAt() != null) return existing.get();
        ShopErasureJob job = existing.orElseGet(() -> new ShopErasureJob(jobId, store, REASON, null, 0, clock.instant(), null));
        if (existing.isEmpty()) {
            storeData.saveJob(job);
            stores.erase(store);
        }
        List<String> slice = storeData.ticketsAfter(store, job.checkpoint(), ticketsPerSlice);
        for (String ticketId : slice) {
            Set<String> identities = identitiesOn(ticketId);
            CustomerRedaction.redactTicket(data, files, ticketId, identities, REASON, clock);
            data.forgetCustomer(store, identities, clock.instant());
            job = job.after(ticketId);
            storeData.saveJob(job);
        }
        if (slice.size() == ticketsPerSlice) return job;
        // the exported files first: their records are what names them (the bucket's lifecycle rule is the net)
        files.deleteAll(storeData.exportsOf(store));
        storeData.forgetStore(store);
        job = job.finished(clock.instant());
        storeData.saveJob(job);
        return job;
    }

    /** Every customer on the ticket: the requester's email and phone and the CCs, as the indexes keep them. */
    private Set<String> identitiesOn(String ticketId) {
        Set<String> out = new LinkedHashSet<>();
        Optional<Ticket> ticket = tickets.find(ticketId).map(TicketThread::ticket);
        ticket.ifPresent(t -> out.addAll(t.identities()));
        return out;
    }
}
