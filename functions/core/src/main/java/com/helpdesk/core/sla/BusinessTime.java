package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Business-time arithmetic under one calendar (or around the clock). SLA clocks, the calendar preview
 * and the metrics' business-time figures all go through this one port, so they agree to the second.
 */
public interface BusinessTime {

    /**
     * The earliest instant by which {@code amount} of business time has elapsed after {@code start}. A start
     * outside opening hours counts from the next opening; a due time that lands exactly on a closing
     * time is that closing time; a zero amount answers {@code start}; a negative one is an
     * {@link IllegalArgumentException}. The rules, with worked examples: docs/sla.md, "Business time".
     */
    Instant add(Instant start, Duration amount);

    /** The business time elapsed between {@code from} and {@code to}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
