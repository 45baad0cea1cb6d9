package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.TicketThread;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's {@code customers/data_request}: the customer's tickets of that store (found as erasure finds them) written
 * as one JSON document to the files bucket, and a {@code CustomerDataExported} event with a link to it that expires.
 * What the document holds, and why, is in docs/orders.md ("Privacy webhooks"). A redelivered request finds its export
 * recorded and does nothing; a crash before the record writes the same object again, so one request is answered
 * with one event.
 */
public final class CustomerDataExport {
    /** SigV4 presigned links live at most 7 days. */
    public static final Duration MAX_LINK_VALIDITY = Duration.ofDays(7);

    private final TicketRepository tickets;
    private final StoreRepository stores;
    private final OrderContexts contexts;
    private final ExportFiles files;
    private final ExportLedger ledger;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration linkValidity;

    public CustomerDataExport(TicketRepository tickets, StoreRepository stores, OrderContexts contexts, ExportFiles files, ExportLedger ledger,
                              IdGenerator ids, Clock clock, Duration linkValidity) {
        if (linkValidity.isNegative() || linkValidity.isZero() || linkValidity.compareTo(MAX_LINK_VALIDITY) > 0) {
            throw new IllegalArgumentException("an export link is valid for more than 0 and at most 7 days, not " + linkValidity);
        }
        this.tickets = tickets;
        this.stores = stores;
        this.contexts = contexts;
        this.files = files;
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
        this.linkValidity = linkValidity;
    }

    /** @return the event written, or empty when this request was answered before */
    public Optional<CustomerDataExported> export(OrderWebhook webhook) {
        String exportId = exportId(webhook);
        if (ledger.exported(exportId)) return Optional.empty();
        Set<String> identities = CustomerRedaction.identities(webhook.email(), webhook.phone());
        List<Map<String, Object>> exported = new ArrayList<>();
        for (String ticketId : CustomerTickets.of(tickets, stores, webhook.store(), identities)) {
            Optional<TicketThread> thread = tickets.find(ticketId);
            if (thread.isEmpty()) continue;
            exported.add(TicketExport.of(thread.get(), contexts.find(ticketId).map(OrderContexts.Stored::context).orElse(null)));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String key = "exports/" + webhook.store() + "/" + CustomerRedaction.fingerprint(Set.of(exportId)) + ".json";
        files.put(key, document(webhook, now, exported));
        URI link = files.link(key, linkValidity);
        CustomerDataExported event = new CustomerDataExported(ids.newId("evt"), exportId, webhook.store(), webhook.customerId(),
                exported.size(), key, link, now.plus(linkValidity), now);
        return ledger.record(event) ? Optional.of(event) : Optional.empty();
    }

    /** A request is one Shopify event of one store: its redeliveries carry the same id. */
    static String exportId(OrderWebhook webhook) {
        return "export#" + webhook.store() + "#" + webhook.eventId();
    }

    private static Map<String, Object> document(OrderWebhook webhook, Instant now, List<Map<String, Object>> exported) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("shopifyCustomerId", webhook.customerId());
        customer.put("email", webhook.email());
        customer.put("phone", webhook.phone());
        customer.put("ordersRequested", webhook.ordersToRedact());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "helpdesk-customer-export/1");
        doc.put("store", webhook.store());
        doc.put("exportedAt", now.toString());
        doc.put("customer", customer);
        doc.put("tickets", exported);
        return doc;
    }
}
