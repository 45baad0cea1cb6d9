package com.helpdesk.core.agents;

import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks an agent for a ticket among the available agents of a group with room, and keeps agents' loads in
 * step with the tickets they hold. Race-free by the directory's conditional claim: a candidate that lost its
 * last slot to another ticket between the read and the claim refuses, and the next candidate is tried.
 */
public final class Assignment {
    /** Reads of the team before giving up: each round ends only when every candidate refused. */
    private static final int ROUNDS = 3;
    private final AgentDirectory agents;

    public Assignment(AgentDirectory agents) {
        this.agents = Objects.requireNonNull(agents);
    }

    /** The agent now holding a slot for the ticket, or empty when no agent of the group has room. */
    public Optional<String> assign(String ticketId, String group, AssignStrategy strategy) {
        Optional<String> held = agents.slotHolder(ticketId);
        if (held.isPresent()) return held; // a redelivered event: the slot taken the first time stands
        for (int round = 0; round < ROUNDS; round++) {
            List<Agent> candidates = candidates(group, strategy, ticketId);
            if (candidates.isEmpty()) return Optional.empty();
            for (Agent a : candidates) {
                AgentDirectory.Claim claim = agents.claim(a.id(), ticketId, false);
                if (claim == AgentDirectory.Claim.CLAIMED) return Optional.of(a.id());
                if (claim == AgentDirectory.Claim.TICKET_HOLDS_ONE) return agents.slotHolder(ticketId);
            }
        }
        return Optional.empty();
    }

    /**
     * The agents to try, in the strategy's order. Round robin turns over every member of the group (by id), so a
     * member without room now (unavailable, full) keeps their place and passes this turn to the next one with room.
     */
    List<Agent> candidates(String group, AssignStrategy strategy, String ticketId) {
        List<Agent> members = agents.list().stream().filter(a -> a.inGroup(group)).sorted(Comparator.comparing(Agent::id)).toList();
        if (members.stream().noneMatch(a -> a.takes(group))) return List.of();
        if (strategy == AssignStrategy.LEAST_LOADED) {
            return members.stream().filter(a -> a.takes(group))
                    .sorted(Comparator.comparingInt(Agent::load).thenComparing(Agent::id)).toList();
        }
        int start = (int) Math.floorMod(agents.nextTurn(group, ticketId), (long) members.size());
        List<Agent> rotated = new ArrayList<>(members.subList(start, members.size()));
        rotated.addAll(members.subList(0, start));
        return rotated.stream().filter(a -> a.takes(group)).toList();
    }

    /**
     * Brings the ticket's slot in line with the ticket: a resolved or closed ticket holds none, an assigned one
     * holds its assignee's (taken over capacity when someone assigned it by hand: a person decided). An open
     * ticket without an assignee keeps what it holds: routing may be between its claim and its write.
     */
    public void reconcile(Ticket ticket) {
        boolean done = ticket.status() == Status.RESOLVED || ticket.status() == Status.CLOSED;
        if (!done && ticket.assignee() == null) return;
        String wanted = done ? null : ticket.assignee();
        Optional<String> held = agents.slotHolder(ticket.id());
        if (held.isPresent() && held.get().equals(wanted)) return;
        if (held.isPresent()) agents.release(ticket.id());
        if (wanted != null) agents.claim(wanted, ticket.id(), true);
    }

    /** Gives back a slot the ticket took but could not keep (the ticket changed under routing). */
    public void release(String ticketId) {
        agents.release(ticketId);
    }
}
