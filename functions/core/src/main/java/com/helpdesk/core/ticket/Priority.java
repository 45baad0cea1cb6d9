package com.helpdesk.core.ticket;

/** How urgent a ticket is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    public static Priority parse(String field, String value) {
        return Wire.parse(Priority.class, field, value);
    }
}
