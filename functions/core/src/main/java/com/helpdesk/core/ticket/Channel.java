package com.helpdesk.core.ticket;

/** Where a contact came from. */
public enum Channel {
    EMAIL, CHAT, PHONE, SOCIAL, WEB, API;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return Wire.name(this);
    }

    /**
     * Whether the team's public replies on this channel are sent to the customer by the system (and so
     * carry a delivery status). Phone and social replies are made elsewhere and only logged here.
     */
    public boolean delivers() {
        return this == EMAIL || this == CHAT;
    }

    public static Channel parse(String field, String value) {
        return Wire.parse(Channel.class, field, value);
    }
}
