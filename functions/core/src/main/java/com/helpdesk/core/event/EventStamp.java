package com.helpdesk.core.event;

import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who changes a ticket and when: every event of one change carries the same actor and time, and an id
 * of its own. The methods build the event catalog's shapes (docs/events.md), so each shape is written once.
 */
public record EventStamp(IdGenerator ids, Actor actor, Instant at) {
    public EventStamp {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /** The same moment, another actor (an AI transcript's customer turns, say). */
    public EventStamp by(Actor other) {
        return new EventStamp(ids, other, at);
    }

    public DomainEvent event(String type, Ticket t, Map<String, Object> detail) {
        return new DomainEvent(ids.newId("evt"), type, t.id(), t.number(), at, actor, detail);
    }

    /** A field change; {@code reason} says why when it was not a direct edit (an escalation, a rule, a merge). */
    public DomainEvent change(String type, Ticket t, String field, Object from, Object to, String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("field", field);
        d.put("from", from);
        d.put("to", to);
        if (reason != null) d.put("reason", reason);
        return event(type, t, d);
    }

    public DomainEvent change(String type, Ticket t, String field, Object from, Object to) {
        return change(type, t, field, from, to, null);
    }

    public DomainEvent messageAdded(Ticket t, Message m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("messageId", m.id());
        d.put("visibility", m.visibility().wire());
        d.put("channel", m.channel().wire());
        d.put("authorType", m.author().type().wire());
        d.put("status", t.status().wire());
        return event(EventTypes.MESSAGE_ADDED, t, d);
    }

    public DomainEvent deliveryUpdated(Ticket t, Message m, Delivery delivery) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("messageId", m.id());
        d.put("channel", m.channel().wire());
        d.put("status", delivery.status().wire());
        d.put("providerId", delivery.providerId());
        d.put("detail", delivery.detail());
        return event(EventTypes.DELIVERY_UPDATED, t, d);
    }

    /** A TicketCreated event; {@code reason} says why when it was not a direct create. */
    public DomainEvent created(Ticket t, String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("subject", t.subject());
        d.put("status", t.status().wire());
        d.put("priority", t.priority().wire());
        d.put("channel", t.channel().wire());
        d.put("requester", requester(t.requester()));
        d.put("assignee", t.assignee());
        d.put("group", t.group());
        d.put("tags", List.copyOf(t.tags()));
        if (reason != null) d.put("reason", reason);
        return event(EventTypes.TICKET_CREATED, t, d);
    }

    /** A Linked or Unlinked event on {@code t}, naming the other side. */
    public DomainEvent link(String type, Ticket t, Ticket other) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("otherTicketId", other.id());
        d.put("otherTicketNumber", other.number());
        return event(type, t, d);
    }

    private static Map<String, Object> requester(Requester r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", r.email());
        m.put("phone", r.phone());
        m.put("name", r.name());
        return m;
    }
}
