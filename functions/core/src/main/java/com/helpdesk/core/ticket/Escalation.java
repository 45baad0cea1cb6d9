package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The rules of an escalation (reached through {@link Ticket#escalate}). */
final class Escalation {
    private Escalation() {}

    static Transition apply(Ticket t, String reason, String group, EventStamp s) {
        if (t.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "a closed ticket cannot be escalated; open a follow-up");
        }
        Priority raised = Ticket.escalatedPriority(t.priority());
        Status open = Status.OPEN; // new, pending and resolved tickets all need work again
        Ticket after = t.revise().escalationLevel(t.escalationLevel() + 1).priority(raised).group(group).assignee(null)
                .status(open).resolvedAt(null).updatedAt(s.at()).build();
        String because = "escalated: " + reason;
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("level", after.escalationLevel());
        d.put("reason", reason);
        d.put("group", group);
        d.put("fromGroup", t.group());
        d.put("fromAssignee", t.assignee());
        d.put("priority", raised.wire());
        d.put("fromPriority", t.priority().wire());
        events.add(s.event(EventTypes.ESCALATED, after, d));
        if (raised != t.priority()) events.add(s.change(EventTypes.PRIORITY_CHANGED, after, "priority", t.priority().wire(), raised.wire(), because));
        if (t.assignee() != null) events.add(s.change(EventTypes.ASSIGNED, after, "assignee", t.assignee(), null, because));
        if (!Objects.equals(t.group(), group)) events.add(s.change(EventTypes.TICKET_UPDATED, after, "group", t.group(), group, because));
        if (open != t.status()) events.add(s.change(EventTypes.STATUS_CHANGED, after, "status", t.status().wire(), open.wire(), because));
        return new Transition(after, events);
    }
}
