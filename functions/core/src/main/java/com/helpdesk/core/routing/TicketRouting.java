package com.helpdesk.core.routing;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.agents.Assignment;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.triage.TicketIntents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What routing does on the bus's events. A new ticket, a new intent or a new order context: while the ticket is
 * unassigned and not resolved or closed, the rules run in order and each match is applied through the ticket's own
 * update and escalation paths, every change carrying "routing rule &lt;id&gt;" in the history. Any change of a
 * ticket (an assignment, a status): its agent's load is brought in line (Assignment.reconcile). Every step is
 * idempotent, so a redelivered event changes nothing more.
 */
public final class TicketRouting {
    public static final Actor ROUTING = Actor.system("routing");
    private final RoutingRules rules;
    private final Assignment assignment;
    private final TicketQueries tickets;
    private final TicketCommands commands;
    private final TicketIntents intents;
    private final OrderContexts orders;

    public TicketRouting(RoutingRules rules, Assignment assignment, TicketQueries tickets, TicketCommands commands,
                         TicketIntents intents, OrderContexts orders) {
        this.rules = rules;
        this.assignment = assignment;
        this.tickets = tickets;
        this.commands = commands;
        this.intents = intents;
        this.orders = orders;
    }

    /** Runs the rules on an unassigned, unresolved ticket; answers the ids of the rules that matched. */
    public List<String> route(String ticketId) {
        TicketThread thread = tickets.get(ticketId);
        Ticket ticket = thread.ticket();
        List<String> matched = new ArrayList<>();
        if (!routable(ticket)) return matched;
        RoutingFacts facts = RoutingFacts.of(ticket,
                intents.find(ticketId).map(s -> s.intent().name()).orElse(null),
                orders.find(ticketId).map(OrderContexts.Stored::context).orElse(null),
                customerText(thread.messages()));
        List<RoutingRule> ordered = rules.list().stream()
                .sorted(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::id)).toList();
        for (RoutingRule rule : ordered) {
            if (!facts.match(rule.when())) continue;
            matched.add(rule.id());
            ticket = apply(rule, ticket);
            if (rule.then().routes() || !routable(ticket)) break;
        }
        return matched;
    }

    /** Brings the agent's load in line with the ticket as it is now. */
    public void reconcile(String ticketId) {
        assignment.reconcile(tickets.get(ticketId).ticket());
    }

    private static boolean routable(Ticket t) {
        return t.assignee() == null && t.status() != Status.RESOLVED && t.status() != Status.CLOSED;
    }

    private Ticket apply(RoutingRule rule, Ticket ticket) {
        RoutingRule.Then then = rule.then();
        String reason = rule.reason();
        TicketChange fields = new TicketChange(null, then.priority(), null,
                then.assignGroup() == null ? null : Optional.of(then.assignGroup()), null, then.addTags(), null);
        if (!fields.isEmpty()) ticket = commands.update(ticket.id(), fields, OptionalLong.empty(), ROUTING, reason).ticket();
        // one escalation per ticket from the rules: a rule met again on reclassification does not raise it twice
        if (then.escalate() && ticket.escalationLevel() == 0) {
            ticket = commands.escalate(ticket.id(), reason, then.assignGroup(), OptionalLong.empty(), ROUTING).ticket();
        }
        Optional<String> agent = then.agent() != null ? Optional.of(then.agent())
                : then.strategy() == null ? Optional.empty() : assignment.assign(ticket.id(), ticket.group(), then.strategy());
        if (agent.isEmpty()) return ticket;
        String because = then.strategy() == null ? reason : reason + " (" + then.strategy().wire() + " in " + ticket.group() + ")";
        try {
            return commands.update(ticket.id(), new TicketChange(null, null, agent, null, null, null, null),
                    OptionalLong.empty(), ROUTING, because).ticket();
        } catch (StateConflictException closedMeanwhile) {
            assignment.release(ticket.id());
            throw closedMeanwhile;
        }
    }

    /** The latest customer message (the opening one of a ticket an agent opened for a customer). */
    private static String customerText(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.author() != null && m.author().type() == ActorType.CUSTOMER) return m.body();
        }
        return messages.isEmpty() ? null : messages.get(0).body();
    }
}
