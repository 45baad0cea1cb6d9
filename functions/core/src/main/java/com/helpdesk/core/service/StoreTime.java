package com.helpdesk.core.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time a change is stamped with. */
final class StoreTime {
    private StoreTime() {}

    /** Milliseconds: what a caller is answered with is exactly what the store keeps. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
