package com.helpdesk.core.metrics;

import org.HdrHistogram.Histogram;

/**
 * Count and percentiles of a duration in seconds (null when nothing was recorded). Percentiles are
 * nearest-rank: the smallest recorded value with at least that share of values at or below it (within
 * the sketch's resolution, {@link Durations}).
 */
public record Distribution(long count, Long median, Long p90, Long p95) {

    public static Distribution of(Histogram h) {
        long n = h.getTotalCount();
        if (n == 0) return new Distribution(0, null, null, null);
        return new Distribution(n, at(h, 50), at(h, 90), at(h, 95));
    }

    /** The lowest value of the percentile's bucket: exact below 2,048 s, at most 0.1% low above. */
    private static long at(Histogram h, double percentile) {
        return h.lowestEquivalentValue(h.getValueAtPercentile(percentile));
    }
}
