package com.helpdesk.core.ticket;

/** Lifecycle state of a ticket; moves are governed by {@link StatusTransitions}. */
public enum Status {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    public static Status parse(String field, String value) {
        return Wire.parse(Status.class, field, value);
    }
}
