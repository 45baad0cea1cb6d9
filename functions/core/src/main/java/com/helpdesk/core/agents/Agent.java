package com.helpdesk.core.agents;

import java.util.List;

/**
 * An agent as routing sees them: the groups they work, whether they take tickets now, and how many routed
 * tickets they may hold at once ({@code capacity}) against how many they hold ({@code load}).
 */
public record Agent(String id, String name, List<String> groups, boolean available, int capacity, int load) {
    public Agent {
        groups = List.copyOf(groups);
    }

    /** Whether a ticket of {@code group} may be given to this agent now (the store's condition has the last word). */
    public boolean takes(String group) {
        return available && groups.contains(group) && load < capacity;
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
