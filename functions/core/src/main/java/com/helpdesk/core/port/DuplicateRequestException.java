package com.helpdesk.core.port;

/** An idempotency key was used before; {@link #ticketId()} is what the first request created. */
public final class DuplicateRequestException extends RuntimeException {
    private final String ticketId;
    private final String fingerprint;

    public DuplicateRequestException(String ticketId, String fingerprint) {
        super("idempotency key already used", null, false, false);
        this.ticketId = ticketId;
        this.fingerprint = fingerprint;
    }

    public String ticketId() {
        return ticketId;
    }

    public String fingerprint() {
        return fingerprint;
    }
}
