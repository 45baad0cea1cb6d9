package com.helpdesk.core.agents;

import java.util.List;
import java.util.Optional;

/**
 * Where agents, their loads and the routed tickets' slots are kept. A slot is one ticket held by one agent;
 * taking one and counting it in the agent's load is one atomic, conditional write, so two tickets racing for
 * an agent's last free slot cannot both win.
 */
public interface AgentDirectory {
    Optional<Agent> find(String id);

    /** Every agent (a team's worth: one read). */
    List<Agent> list();

    /** Creates or replaces the profile; the agent's load stays as it is (0 for a new agent). */
    Agent save(AgentProfile profile);

    /** @return the agent after the change, empty when there is no such agent */
    Optional<Agent> setAvailable(String id, boolean available);

    /** @return whether there was such an agent */
    boolean delete(String id);

    /** The agent holding a slot for the ticket, if any. */
    Optional<String> slotHolder(String ticketId);

    /**
     * Gives the ticket a slot of the agent and counts it in their load. Unless {@code overCapacity} (an agent
     * or admin assigned the ticket by hand), the agent must be available with load under capacity.
     */
    Claim claim(String agentId, String ticketId, boolean overCapacity);

    /** Gives back the ticket's slot, if it holds one, and uncounts it from its agent's load. Idempotent. */
    void release(String ticketId);

    /**
     * The next turn of a group's round robin for {@code ticketId}: 0, 1, 2, ... once each, whoever asks; but the ticket
     * that took the latest turn gets that turn again. Two routings of one ticket run at once (its creation and its
     * classification both route it), and the second one's turn, handed out to a ticket that then keeps its first
     * claim, was skipped: the agent it named got no ticket that round.
     */
    long nextTurn(String group, String ticketId);

    enum Claim {
        /** The slot is the ticket's now. */
        CLAIMED,
        /** The agent is unavailable, at capacity or gone. */
        REFUSED,
        /** The ticket holds a slot already (of this or another agent). */
        TICKET_HOLDS_ONE
    }
}
