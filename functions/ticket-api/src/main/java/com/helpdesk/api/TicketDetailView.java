package com.helpdesk.api;

import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.ETags;
import com.helpdesk.http.OrderContextRepresentation;
import com.helpdesk.http.TicketRepresentation;

import java.util.Map;

/**
 * {@code GET /tickets/{id}}: the ticket and its thread, its SLA clocks ({@code sla}) and its Shopify order
 * context ({@code orderContext}). The ETag is the ticket's version (what If-Match checks), but the clocks'
 * {@code remaining} changes with time alone and the order context apart from the ticket: a ticket showing
 * either is always answered in full, never 304.
 */
final class TicketDetailView {
    private final TicketSlaQueries sla;
    private final OrderContextReads orders;

    TicketDetailView(TicketSlaQueries sla, OrderContextReads orders) {
        this.sla = sla;
        this.orders = orders;
    }

    ApiResponse get(String ticketId, String ifNoneMatch) {
        TicketSlaQueries.Shown shown = sla.get(ticketId);
        long version = shown.thread().ticket().version();
        String etag = ETags.of(version);
        Map<String, Object> orderContext = orders.forTicket(shown.thread().ticket()).map(OrderContextRepresentation::of).orElse(null);
        if (shown.sla().isEmpty() && orderContext == null && ETags.noneMatchHits(ifNoneMatch, version)) {
            return ApiResponse.status(304).header("ETag", etag);
        }
        Map<String, Object> body = TicketRepresentation.full(shown.thread());
        body.put("sla", shown.sla());
        body.put("orderContext", orderContext);
        return ApiResponse.json(200, body).header("ETag", etag);
    }
}
