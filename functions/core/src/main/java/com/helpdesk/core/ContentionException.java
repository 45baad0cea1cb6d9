package com.helpdesk.core;

import java.time.Duration;

/**
 * Concurrent changes kept winning the race on a ticket for longer than a command may wait: nothing was
 * written, and the same request is likely to succeed a little later (the API answers 503 with Retry-After).
 */
public final class ContentionException extends DomainException {
    private final Duration retryAfter;

    public ContentionException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
