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

    /** How long a sender may hold a reply in {@code sending} before another may take it over (it crashed). */
    public static final java.time.Duration SENDING_LEASE = java.time.Duration.ofMinutes(5);

    public static Delivery queued(Instant at) {
        return new Delivery(DeliveryStatus.QUEUED, at, null, null, 0);
    }

    /** Waiting to be sent: queued, or held by a sender whose lease ran out (it crashed). */
    public boolean claimable(Instant now) {
        return status == DeliveryStatus.QUEUED || status == DeliveryStatus.SENDING && at.plus(SENDING_LEASE).isBefore(now);
    }

    /** Taken by a sender for one more attempt. */
    public Delivery claimed(Instant now) {
        return new Delivery(DeliveryStatus.SENDING, now, providerId, null, attempts + 1);
    }

    /**
     * Whether a report of {@code next} moves this delivery: statuses only move forward, except that a
     * sender that failed transiently puts its claimed reply back in the queue.
     */
    public boolean accepts(DeliveryStatus next) {
        return status.canMoveTo(next) || status == DeliveryStatus.SENDING && next == DeliveryStatus.QUEUED;
    }

    /** The delivery after a report; the provider's id is kept when the report names none. */
    public static Delivery reported(Delivery current, DeliveryStatus next, Instant now, String providerId, String detail) {
        return new Delivery(next, now, providerId != null ? providerId : current == null ? null : current.providerId(), detail,
                current == null ? 0 : current.attempts());
    }
}
