package com.helpdesk.core.ticket;

/** A public reply is seen by the customer; an internal note only by the team. */
public enum Visibility {
    PUBLIC, INTERNAL;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    public static Visibility parse(String field, String value) {
        return Wire.parse(Visibility.class, field, value);
    }
}
