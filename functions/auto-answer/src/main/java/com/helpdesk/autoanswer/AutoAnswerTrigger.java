package com.helpdesk.autoanswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.runtime.Json;

/**
 * The ticket an IntentClassified event names. The event's intent is not used: the auto-answer reads the ticket's
 * intent as stored when it decides, so a late or redelivered event decides on what is true now. Anything else is
 * unreadable and is parked with the reason.
 */
record AutoAnswerTrigger(String ticketId) {
    static AutoAnswerTrigger decode(String body) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not JSON");
        }
        if (event == null || !event.isObject()) throw new IllegalArgumentException("the message is not a JSON object");
        String type = event.path("detail-type").asText("");
        if (!type.equals(EventTypes.INTENT_CLASSIFIED)) {
            throw new IllegalArgumentException("not an IntentClassified event: detail-type '" + type + "'");
        }
        String ticketId = event.path("detail").path("ticketId").asText(null);
        if (ticketId == null || ticketId.isBlank()) throw new IllegalArgumentException("IntentClassified without detail.ticketId");
        return new AutoAnswerTrigger(ticketId);
    }
}
