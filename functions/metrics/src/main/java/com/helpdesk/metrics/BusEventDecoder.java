package com.helpdesk.metrics;

import com.helpdesk.core.event.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.metrics.Observation;
import com.helpdesk.core.metrics.Observation.Kind;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an EventBridge event of the helpdesk bus (docs/events.md) into what metrics keeps of it. Events
 * metrics does not use answer empty; an event without what every event carries is refused with the reason.
 */
final class BusEventDecoder {

    /** A ticket's observation. */
    record Decoded(String ticketId, Observation observation) {
    }

    /** An event that cannot be a helpdesk event: retrying cannot help. */
    static final class Malformed extends RuntimeException {
        Malformed(String reason) {
            super(reason);
        }
    }

    private BusEventDecoder() {
    }

    static Optional<Decoded> decode(JsonNode event) {
        String type = event.path("detail-type").asText("");
        JsonNode detail = event.path("detail");
        JsonNode data = detail.path("data");
        Kind kind = kind(type, data);
        if (kind == null) return Optional.empty();
        String eventId = text(detail, "eventId");
        String ticketId = text(detail, "ticketId");
        String occurredAt = text(detail, "occurredAt");
        if (eventId == null || ticketId == null || occurredAt == null) throw new Malformed(type + " without detail.eventId, detail.ticketId or detail.occurredAt");
        Instant at;
        try {
            at = Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw new Malformed("detail.occurredAt is not an ISO-8601 instant: " + occurredAt);
        }
        Map<String, String> fields = new HashMap<>();
        switch (kind) {
            case CREATED -> copy(data, fields, "channel", "priority", "status", "group", "assignee", "intent", "store");
            case MESSAGE -> copy(data, fields, "visibility", "authorType");
            case STATUS -> copy(data, fields, "from", "to");
            case ASSIGNED, PRIORITY, GROUP -> copy(data, fields, "to");
            case ESCALATED -> copy(data, fields, "group", "priority");
            case MERGED -> copy(data, fields, "role");
            case INTENT -> copy(data, fields, "name", "source");
            case STORE -> copy(data, fields, "store");
            case SLA -> {
                copy(data, fields, "target", "cycle", "businessHours");
                fields.put("outcome", type.equals(EventTypes.SLA_MET) ? "met" : "breached");
            }
            case CSAT -> {
                copy(data, fields, "rating", "resolvedAt");
                putIfPresent(fields, "resolvedByType", text(data.path("resolvedBy"), "type"));
                putIfPresent(fields, "resolvedById", text(data.path("resolvedBy"), "id"));
            }
        }
        JsonNode actor = detail.path("actor");
        return Optional.of(new Decoded(ticketId, new Observation(eventId, kind, at, text(actor, "type"), text(actor, "id"), fields)));
    }

    private static Kind kind(String type, JsonNode data) {
        return switch (type) {
            case EventTypes.TICKET_CREATED -> Kind.CREATED;
            case EventTypes.MESSAGE_ADDED -> Kind.MESSAGE;
            case EventTypes.STATUS_CHANGED -> Kind.STATUS;
            case EventTypes.ASSIGNED -> Kind.ASSIGNED;
            case EventTypes.PRIORITY_CHANGED -> Kind.PRIORITY;
            case EventTypes.TICKET_UPDATED -> "group".equals(data.path("field").asText()) ? Kind.GROUP : null;
            case EventTypes.ESCALATED -> Kind.ESCALATED;
            case EventTypes.MERGED -> Kind.MERGED;
            case EventTypes.CSAT_RECEIVED -> Kind.CSAT;
            case EventTypes.SLA_MET, EventTypes.SLA_BREACHED -> Kind.SLA;
            case EventTypes.INTENT_CLASSIFIED -> Kind.INTENT;
            case EventTypes.ORDER_CONTEXT_UPDATED -> Kind.STORE;
            default -> null;
        };
    }

    private static void copy(JsonNode data, Map<String, String> fields, String... names) {
        for (String n : names) putIfPresent(fields, n, text(data, n));
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) fields.put(name, value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
