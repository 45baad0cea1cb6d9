package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Business time when a policy has no calendar (24/7): every instant is open, business time is real time. */
public enum AroundTheClock implements BusinessTime {
    INSTANCE;

    @Override
    public Instant add(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) throw new IllegalArgumentException("amount of business time must not be negative: " + amount);
        return start.plus(amount);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
