package com.helpdesk.core.agents;

import com.helpdesk.core.ValidationException;

/** How a ticket picks among the available agents of a group with room. */
public enum AssignStrategy {
    /** Each group's tickets go to its agents in turn (by id), skipping those without room. */
    ROUND_ROBIN("round-robin"),
    /** The agent holding the fewest routed tickets (ties: by id). */
    LEAST_LOADED("least-loaded");

    private final String wire;

    AssignStrategy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The strategy named {@code wire}, or null when it names none (then it is an agent id). */
    public static AssignStrategy named(String wire) {
        for (AssignStrategy s : values()) if (s.wire.equals(wire)) return s;
        return null;
    }

    public static AssignStrategy parse(String field, String wire) {
        AssignStrategy s = named(wire);
        if (s == null) throw new ValidationException(field, "must be round-robin or least-loaded");
        return s;
    }
}
