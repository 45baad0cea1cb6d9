package com.helpdesk.triage;

import com.helpdesk.core.event.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;

/**
 * What a bus event asks of triage: a new ticket, a message (only a customer's is classified), or a new order
 * context (the evidence may change the intent). Anything else is unreadable and is parked with the reason.
 */
record TriageTrigger(String type, String ticketId, String messageId, boolean fromCustomer) {
    static TriageTrigger decode(String body) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not JSON");
        }
        if (event == null || !event.isObject()) throw new IllegalArgumentException("the message is not a JSON object");
        String type = event.path("detail-type").asText("");
        if (!type.equals(EventTypes.TICKET_CREATED) && !type.equals(EventTypes.MESSAGE_ADDED) && !type.equals(EventTypes.ORDER_CONTEXT_UPDATED)) {
            throw new IllegalArgumentException("not a TicketCreated, MessageAdded or OrderContextUpdated event: detail-type '" + type + "'");
        }
        JsonNode detail = event.path("detail");
        String ticketId = detail.path("ticketId").asText(null);
        if (ticketId == null) throw new IllegalArgumentException(type + " without detail.ticketId");
        JsonNode data = detail.path("data");
        if (type.equals(EventTypes.MESSAGE_ADDED)) {
            String messageId = data.path("messageId").asText(null);
            if (messageId == null) throw new IllegalArgumentException("MessageAdded without detail.data.messageId");
            return new TriageTrigger(type, ticketId, messageId, "customer".equals(data.path("authorType").asText("")));
        }
        return new TriageTrigger(type, ticketId, null, true);
    }
}
