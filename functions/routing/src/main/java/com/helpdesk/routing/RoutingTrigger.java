package com.helpdesk.routing;

import com.helpdesk.core.event.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;

import java.util.Set;

/**
 * What a bus event asks of routing: to run the rules (a new ticket, a new intent, a new order context: each may
 * make a rule match while the ticket is unassigned), or to bring an agent's load in line (an assignment or a
 * status changed). Anything else is unreadable and is parked with the reason.
 */
record RoutingTrigger(String type, String ticketId) {
    static final Set<String> ROUTE = Set.of(EventTypes.TICKET_CREATED, EventTypes.INTENT_CLASSIFIED, EventTypes.ORDER_CONTEXT_UPDATED);
    static final Set<String> RECONCILE = Set.of(EventTypes.ASSIGNED, EventTypes.STATUS_CHANGED);

    boolean routes() {
        return ROUTE.contains(type);
    }

    static RoutingTrigger decode(String body) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not JSON");
        }
        if (event == null || !event.isObject()) throw new IllegalArgumentException("the message is not a JSON object");
        String type = event.path("detail-type").asText("");
        if (!ROUTE.contains(type) && !RECONCILE.contains(type)) {
            throw new IllegalArgumentException("not an event routing reads (TicketCreated, IntentClassified, OrderContextUpdated, "
                    + "Assigned, StatusChanged): detail-type '" + type + "'");
        }
        String ticketId = event.path("detail").path("ticketId").asText(null);
        if (ticketId == null) throw new IllegalArgumentException(type + " without detail.ticketId");
        return new RoutingTrigger(type, ticketId);
    }
}
