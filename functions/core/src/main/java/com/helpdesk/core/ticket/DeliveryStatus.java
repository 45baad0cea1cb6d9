package com.helpdesk.core.ticket;

/** Where an outgoing message is on its way to the customer. */
public enum DeliveryStatus {
    /** Waiting in the outbound queue. */
    QUEUED,
    /** A sender has taken it and is handing it to the provider. */
    SENDING,
    /** Accepted by the provider (SES, the chat provider). */
    SENT,
    /** The provider reports it reached the customer's device or mailbox. */
    DELIVERED,
    /** The customer read it (chat providers report this). */
    READ,
    /** Refused, bounced, or given up after retries; {@code detail} says why. */
    FAILED;

    public String wire() {
        return Wire.name(this);
    }

    public static DeliveryStatus parse(String field, String value) {
        return Wire.parse(DeliveryStatus.class, field, value);
    }

    /** Provider callbacks arrive out of order: a status never moves back (a late "sent" after "read" is ignored). */
    public boolean canMoveTo(DeliveryStatus next) {
        if (this == FAILED) return false;
        if (next == FAILED) return this == QUEUED || this == SENDING || this == SENT;
        return next.ordinal() > ordinal();
    }
}
