package com.helpdesk.core.orders;

/**
 * The directory could not answer. {@link Kind} says what went wrong so the caller can decide: a throttle,
 * an outage or a timeout pass and are retried; a refused token or an unknown shop need an admin, and are
 * still retried a few times (a token may be rotated meanwhile) before the ticket shows the reason.
 */
public final class OrderDirectoryException extends Exception {
    private final Kind kind;

    public OrderDirectoryException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public OrderDirectoryException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The reason an agent reads on the ticket, e.g. "shopify: the Admin API token was refused (401)". */
    public String reason() {
        return getMessage();
    }

    public enum Kind {
        THROTTLED, UNAUTHORIZED, FORBIDDEN, SHOP_NOT_FOUND, UNAVAILABLE, TIMEOUT, BAD_RESPONSE, NOT_CONFIGURED
    }
}
