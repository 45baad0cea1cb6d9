package com.helpdesk.core.ticket;

import java.util.Objects;

/** Who wrote a message or made a change. {@code id} is the agent id, customer id, AI agent id or system component. */
public record Actor(ActorType type, String id, String name, String email) {
    public Actor {
        Objects.requireNonNull(type, "type");
    }

    public static Actor agent(String id) {
        return new Actor(ActorType.AGENT, id, null, null);
    }

    public static Actor system(String component) {
        return new Actor(ActorType.SYSTEM, component, null, null);
    }
}
