package com.helpdesk.slatimer;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.runtime.Json;

import java.time.Instant;
import java.util.Map;

/** Reads an EventBridge event (an SQS message body) back into the domain event the outbox published. */
final class BusEvents {
    private BusEvents() {}

    /** Throws IllegalArgumentException naming what is missing when the body is not one of our events. */
    @SuppressWarnings("unchecked")
    static DomainEvent decode(String body) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not JSON");
        }
        String type = text(event, "detail-type");
        JsonNode d = event.path("detail");
        String id = text(d, "eventId");
        String ticketId = text(d, "ticketId");
        String occurredAt = text(d, "occurredAt");
        if (type == null || id == null || ticketId == null || occurredAt == null || !d.path("data").isObject()) {
            throw new IllegalArgumentException("not a ticket event: detail-type, detail.eventId, detail.ticketId, detail.occurredAt and detail.data are required");
        }
        JsonNode a = d.path("actor");
        Actor actor = a.hasNonNull("type") ? new Actor(ActorType.parse("actor.type", a.get("type").asText()),
                text(a, "id"), text(a, "name"), text(a, "email")) : null;
        Map<String, Object> data = Json.mapper().convertValue(d.get("data"), Map.class);
        return new DomainEvent(id, type, ticketId, d.path("ticketNumber").asLong(), Instant.parse(occurredAt), actor, data);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
