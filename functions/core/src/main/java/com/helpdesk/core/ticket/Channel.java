package com.helpdesk.core.ticket;

/** Where a contact came from. */
public enum Channel {
    EMAIL, CHAT, PHONE, SOCIAL, WEB, API;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    public static Channel parse(String field, String value) {
        return Wire.parse(Channel.class, field, value);
    }
}
