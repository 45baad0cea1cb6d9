package com.helpdesk.core.agents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The directory's contract in memory, one lock for all (the store test races the real one). */
public final class InMemoryAgentDirectory implements AgentDirectory {
    private final Map<String, Agent> agents = new TreeMap<>();
    private final Map<String, String> slots = new HashMap<>();
    private final Map<String, Long> turns = new HashMap<>();

    @Override
    public synchronized Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public synchronized List<Agent> list() {
        return List.copyOf(agents.values());
    }

    @Override
    public synchronized Agent save(AgentProfile p) {
        int load = agents.containsKey(p.id()) ? agents.get(p.id()).load() : 0;
        Agent a = new Agent(p.id(), p.name(), p.groups(), p.available(), p.capacity(), load);
        agents.put(p.id(), a);
        return a;
    }

    @Override
    public synchronized Optional<Agent> setAvailable(String id, boolean available) {
        Agent a = agents.get(id);
        if (a == null) return Optional.empty();
        Agent changed = new Agent(a.id(), a.name(), a.groups(), available, a.capacity(), a.load());
        agents.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized boolean delete(String id) {
        return agents.remove(id) != null;
    }

    @Override
    public synchronized Optional<String> slotHolder(String ticketId) {
        return Optional.ofNullable(slots.get(ticketId));
    }

    @Override
    public synchronized Claim claim(String agentId, String ticketId, boolean overCapacity) {
        if (slots.containsKey(ticketId)) return Claim.TICKET_HOLDS_ONE;
        Agent a = agents.get(agentId);
        if (a == null || (!overCapacity && (!a.available() || a.load() >= a.capacity()))) return Claim.REFUSED;
        agents.put(agentId, withLoad(a, a.load() + 1));
        slots.put(ticketId, agentId);
        return Claim.CLAIMED;
    }

    @Override
    public synchronized void release(String ticketId) {
        String holder = slots.remove(ticketId);
        Agent a = holder == null ? null : agents.get(holder);
        if (a != null && a.load() > 0) agents.put(holder, withLoad(a, a.load() - 1));
    }

    private final java.util.Map<String, String> lastTicket = new java.util.HashMap<>();

    @Override
    public synchronized long nextTurn(String group, String ticketId) {
        long turn = turns.getOrDefault(group, 0L);
        if (turn > 0 && ticketId.equals(lastTicket.get(group))) return turn - 1;
        turns.put(group, turn + 1);
        lastTicket.put(group, ticketId);
        return turn;
    }

    private static Agent withLoad(Agent a, int load) {
        return new Agent(a.id(), a.name(), a.groups(), a.available(), a.capacity(), load);
    }
}
