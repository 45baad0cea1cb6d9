package com.helpdesk.core.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * The delivery state of a public reply sent through a channel (email, chat). {@code providerId} is
 * the provider's id for what it sent (SES message id, WhatsApp message id); {@code detail} explains a
 * failure (bounce status, provider error).
 */
public record Delivery(DeliveryStatus status, Instant at, String providerId, String detail, int attempts) {
    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public static Delivery queued(Instant at) {
        return new Delivery(DeliveryStatus.QUEUED, at, null, null, 0);
    }
}
