package com.helpdesk.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The clock every function uses: the system clock in AWS; the local stack's movable clock when the
 * local stack installs one, so that SLA timers and schedules can be driven by tests and operators.
 */
public final class RuntimeClock extends Clock {
    private static volatile Supplier<Instant> source = Instant::now;
    private static final RuntimeClock INSTANCE = new RuntimeClock();

    private RuntimeClock() {}

    public static Clock get() {
        return INSTANCE;
    }

    static void install(Supplier<Instant> now) {
        source = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone); // never used by the project; Clock requires it
    }

    @Override
    public Instant instant() {
        return source.get();
    }
}
