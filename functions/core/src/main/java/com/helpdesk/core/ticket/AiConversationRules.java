package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A later report of an AI agent's conversation (reached through {@link Ticket#continueAiConversation}):
 * its new turns join the thread; the humans take over (open, tagged as a handoff, the deflection no
 * longer counts) when the AI hands off or the customer writes again after the AI resolved it.
 */
final class AiConversationRules {
    private AiConversationRules() {}

    static Transition continued(Ticket t, List<Message> added, boolean handoff, Collection<String> intentTags, Actor customer,
                                EventStamp s) {
        if (t.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "the AI conversation's ticket #" + t.number() + " is closed");
        }
        boolean customerWroteAgain = added.stream().anyMatch(m -> m.author().type() == ActorType.CUSTOMER);
        boolean handoffNow = handoff && t.aiDeflected();
        boolean aiResolved = t.status() == Status.RESOLVED && t.resolvedBy() != null && t.resolvedBy().type() == ActorType.AI;
        Ticket.Builder b = t.revise().updatedAt(s.at()).lastMessageAt(s.at()).messageCount(t.messageCount() + added.size());
        SortedSet<String> tags = new TreeSet<>(t.tags());
        tags.addAll(intentTags);
        Status next = t.status();
        if ((customerWroteAgain && handoff || handoffNow || customerWroteAgain && aiResolved) && t.status() != Status.OPEN) {
            next = Status.OPEN; // back to humans: the deflection no longer counts
            b.status(next).resolvedAt(null);
            tags.remove(Ticket.AI_DEFLECTED);
            tags.add(Ticket.AI_HANDOFF);
        }
        Ticket after = b.tags(tags).build();
        List<DomainEvent> events = new ArrayList<>();
        for (Message m : added) events.add(s.by(m.author()).messageAdded(after, m));
        if (next != t.status()) {
            events.add(s.by(customerWroteAgain ? customer : s.actor()).change(EventTypes.STATUS_CHANGED, after, "status",
                    t.status().wire(), next.wire(), customerWroteAgain ? "customer wrote again after the AI" : "handed off by the AI agent"));
        }
        if (!after.tags().equals(t.tags())) {
            events.add(s.change(EventTypes.TAGGED, after, "tags", List.copyOf(t.tags()), List.copyOf(after.tags()), "AI conversation"));
        }
        return new Transition(after, events);
    }
}
