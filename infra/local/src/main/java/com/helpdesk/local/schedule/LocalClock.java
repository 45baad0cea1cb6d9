package com.helpdesk.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The clock of the whole local stack: real time plus an offset that tests and operators move
 * (POST /_local/clock). It keeps ticking after a move. It never goes backwards: schedules that
 * already fired cannot un-fire.
 */
public final class LocalClock implements Supplier<Instant> {
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant get() {
        return Instant.now().plus(offset);
    }

    public synchronized Instant advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("the clock only moves forward");
        offset = offset.plus(d);
        return get();
    }

    /** Moves to {@code target} unless the clock is already there or past it (real time ticks between a read and a move). */
    public synchronized Instant atLeast(Instant target) {
        Instant now = get();
        if (target.isAfter(now)) offset = offset.plus(Duration.between(now, target));
        return get();
    }

    public synchronized Instant set(Instant target) {
        Instant now = get();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the clock only moves forward; it is already " + now);
        }
        offset = offset.plus(Duration.between(now, target));
        return get();
    }
}
