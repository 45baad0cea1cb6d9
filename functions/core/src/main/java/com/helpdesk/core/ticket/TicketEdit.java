package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rules of a partial update: which fields change, the status it implies, and the events it makes. */
final class TicketEdit {
    private TicketEdit() {}

    /** The ticket after {@code c}, one event per field that really changed; no events: nothing changed. */
    static Transition apply(Ticket t, TicketChange c, EventStamp s) {
        List<DomainEvent> events = new ArrayList<>();
        if (t.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "the ticket is closed and cannot be changed");
        }
        Ticket.Builder b = t.revise();
        boolean assignedNew = fields(t, c, s, b, events);
        Status status = t.status();
        // Taking ownership of a new ticket means someone is working on it.
        if (assignedNew && c.status() == null && t.status() == Status.NEW) status = Status.OPEN;
        if (c.status() != null && c.status() != t.status()) {
            StatusTransitions.check(t.status(), c.status());
            status = c.status();
        }
        if (status != t.status()) {
            b.status(status);
            if (status == Status.RESOLVED || (status == Status.CLOSED && t.resolvedAt() == null)) {
                b.resolvedAt(s.at()).resolvedBy(s.actor()); // CSAT is attributed to whoever resolved it
            }
            if (status == Status.OPEN || status == Status.PENDING) b.resolvedAt(null);
            events.add(s.change(EventTypes.STATUS_CHANGED, t, "status", t.status().wire(), status.wire()));
        }
        tags(t, c, s, b, events);
        if (events.isEmpty()) return Transition.none(t);
        return new Transition(b.updatedAt(s.at()).build(), events);
    }

    /** Subject, priority, assignee, group; answers whether someone took the ticket. */
    private static boolean fields(Ticket t, TicketChange c, EventStamp s, Ticket.Builder b, List<DomainEvent> events) {
        if (c.subject() != null) {
            String subject = c.subject().strip();
            if (!subject.equals(t.subject())) {
                b.subject(subject);
                events.add(s.change(EventTypes.TICKET_UPDATED, t, "subject", t.subject(), subject));
            }
        }
        if (c.priority() != null && c.priority() != t.priority()) {
            b.priority(c.priority());
            events.add(s.change(EventTypes.PRIORITY_CHANGED, t, "priority", t.priority().wire(), c.priority().wire()));
        }
        boolean assigned = false;
        if (c.assignee() != null) {
            String assignee = c.assignee().orElse(null);
            if (!Objects.equals(assignee, t.assignee())) {
                b.assignee(assignee);
                events.add(s.change(EventTypes.ASSIGNED, t, "assignee", t.assignee(), assignee));
                assigned = assignee != null;
            }
        }
        if (c.group() != null) {
            String group = c.group().orElse(null);
            if (!Objects.equals(group, t.group())) {
                b.group(group);
                events.add(s.change(EventTypes.TICKET_UPDATED, t, "group", t.group(), group));
            }
        }
        return assigned;
    }

    private static void tags(Ticket t, TicketChange c, EventStamp s, Ticket.Builder b, List<DomainEvent> events) {
        SortedSet<String> tags = new TreeSet<>(t.tags());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String tag : Tags.normaliseAll("removeTags", c.removeTags())) if (tags.remove(tag)) removed.add(tag);
        for (String tag : Tags.normaliseAll("addTags", c.addTags())) if (tags.add(tag)) added.add(tag);
        if (tags.size() > Tags.MAX_PER_TICKET) {
            throw new ValidationException("addTags", "a ticket has at most " + Tags.MAX_PER_TICKET + " tags");
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            b.tags(tags);
            events.add(Tags.tagged(s, t, added, removed, tags, null));
        }
    }
}
