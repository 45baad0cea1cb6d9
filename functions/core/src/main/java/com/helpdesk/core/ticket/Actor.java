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

    /** The customer a requester is, identified by their email, else their phone. */
    public static Actor customer(Requester r) {
        return new Actor(ActorType.CUSTOMER, r.identities().get(0), r.name(), r.email());
    }

    public static Actor system(String component) {
        return new Actor(ActorType.SYSTEM, component, null, null);
    }
}
