package com.helpdesk.core.ticket;

/** Who wrote a message or made a change. */
public enum ActorType {
    CUSTOMER, AGENT, AI, SYSTEM;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    public static ActorType parse(String field, String value) {
        return Wire.parse(ActorType.class, field, value);
    }
}
