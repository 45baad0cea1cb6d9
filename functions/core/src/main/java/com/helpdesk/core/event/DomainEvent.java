package com.helpdesk.core.event;

import com.helpdesk.core.ticket.Actor;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A fact about a ticket, written in the same atomic write as the change it describes and then
 * relayed to the event bus. {@code type} is the bus detail-type (see {@link EventTypes});
 * {@code detail} holds only JSON-friendly values (String, Number, Boolean, List, Map, null).
 */
public record DomainEvent(
        String id,
        String type,
        String ticketId,
        long ticketNumber,
        Instant occurredAt,
        Actor actor,
        Map<String, Object> detail) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }
}
