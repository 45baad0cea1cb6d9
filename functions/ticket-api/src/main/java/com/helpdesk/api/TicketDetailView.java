package com.helpdesk.api;

import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.core.triage.IntentWire;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.ETags;
import com.helpdesk.http.OrderContextRepresentation;
import com.helpdesk.http.TicketRepresentation;

import java.util.Map;

/**
 * {@code GET /tickets/{id}}: the ticket and its thread, its SLA clocks ({@code sla}) and its Shopify order
 * context ({@code orderContext}) and its intent ({@code intent}, docs/triage.md). The ETag is the ticket's version (what If-Match checks), but the clocks'
 * {@code remaining} changes with time alone, the order context and the intent apart from the ticket: a ticket
 * showing any of them is always answered in full, never 304.
 */
final class TicketDetailView {
    private final TicketSlaQueries sla;
    private final OrderContextReads orders;
    private final IntentRecords intents;

    TicketDetailView(TicketSlaQueries sla, OrderContextReads orders, IntentRecords intents) {
        this.sla = sla;
        this.orders = orders;
        this.intents = intents;
    }

    ApiResponse get(String ticketId, String ifNoneMatch) {
        // the intent is read before the ticket: its classification is the ticket's version that carries its tag, so the
        // version shown with an intent is never older than that classification (an If-Match on it holds)
        Map<String, Object> intent = intents.find(ticketId).map(stored -> IntentWire.of(stored.intent())).orElse(null);
        TicketSlaQueries.Shown shown = sla.get(ticketId);
        long version = shown.thread().ticket().version();
        String etag = ETags.of(version);
        Map<String, Object> orderContext = orders.forTicket(shown.thread().ticket()).map(OrderContextRepresentation::of).orElse(null);
        if (shown.sla().isEmpty() && orderContext == null && intent == null && ETags.noneMatchHits(ifNoneMatch, version)) {
            return ApiResponse.status(304).header("ETag", etag);
        }
        Map<String, Object> body = TicketRepresentation.full(shown.thread());
        body.put("sla", shown.sla());
        body.put("orderContext", orderContext);
        body.put("intent", intent);
        return ApiResponse.json(200, body).header("ETag", etag);
    }
}
