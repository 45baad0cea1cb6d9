package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The AI's own answer on a ticket (the WISMO auto-answer, core/deflection): its public reply and the resolution by
 * the AI are one version, tagged {@link Ticket#AI_DEFLECTED}; a customer who writes back reopens it for the humans,
 * the deflection no longer counts and the ticket is tagged {@link Ticket#AI_HANDOFF} (as for an AI conversation).
 */
final class AiAnswerRules {
    private AiAnswerRules() {}

    static Transition answered(Ticket t, Message reply, String reason, EventStamp s) {
        if (s.actor().type() != ActorType.AI || reply.author().type() != ActorType.AI || !reply.isPublic()) {
            throw new IllegalArgumentException("the AI's answer is a public message by the AI");
        }
        if (t.status() == Status.CLOSED || t.status() == Status.RESOLVED) {
            throw new StateConflictException("ticket-" + t.status().wire(), "the AI answers only tickets that are not resolved or closed");
        }
        SortedSet<String> tags = new TreeSet<>(t.tags());
        tags.remove(Ticket.AI_HANDOFF);
        tags.add(Ticket.AI_DEFLECTED);
        Ticket.Builder b = t.revise().updatedAt(s.at()).lastMessageAt(s.at()).messageCount(t.messageCount() + 1)
                .status(Status.RESOLVED).resolvedAt(s.at()).resolvedBy(s.actor()).tags(tags);
        if (t.firstResponseAt() == null) b.firstResponseAt(s.at());
        Ticket after = b.build();
        List<DomainEvent> events = new ArrayList<>();
        events.add(s.messageAdded(after, reply));
        events.add(s.change(EventTypes.STATUS_CHANGED, after, "status", t.status().wire(), Status.RESOLVED.wire(), reason));
        events.add(s.change(EventTypes.TAGGED, after, "tags", List.copyOf(t.tags()), List.copyOf(after.tags()), reason));
        return new Transition(after, events);
    }

    /** A customer's message reopened a ticket the AI had resolved: back to humans, the AI's answer stays in the thread. */
    static Transition handedOff(Ticket reopened, List<DomainEvent> events, EventStamp s) {
        SortedSet<String> tags = new TreeSet<>(reopened.tags());
        tags.remove(Ticket.AI_DEFLECTED);
        tags.add(Ticket.AI_HANDOFF);
        if (tags.size() > Tags.MAX_PER_TICKET) tags.remove(Ticket.AI_HANDOFF); // a full ticket keeps its tags; the reopen still happens
        Ticket after = reopened.toBuilder().tags(tags).build(); // same version: one write
        List<DomainEvent> all = new ArrayList<>(events);
        all.add(s.change(EventTypes.TAGGED, after, "tags", List.copyOf(reopened.tags()), List.copyOf(after.tags()),
                "customer wrote again after the AI's answer"));
        return new Transition(after, all);
    }
}
