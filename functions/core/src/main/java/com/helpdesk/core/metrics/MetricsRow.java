package com.helpdesk.core.metrics;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;

/** The merged figures of one row of a report (a day, a week, a channel, an agent...). */
public final class MetricsRow {
    private final String key;
    private final EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
    private final EnumMap<DurationMetric, Histogram> durations = new EnumMap<>(DurationMetric.class);
    private Backlog backlog;

    MetricsRow(String key) {
        this.key = key;
    }

    void add(DailyAggregate a) {
        a.counters().forEach((c, n) -> counters.merge(c, n, Long::sum));
        for (Map.Entry<DurationMetric, Histogram> e : a.allDurations().entrySet()) {
            durations.computeIfAbsent(e.getKey(), m -> Durations.empty()).add(e.getValue());
        }
    }

    /** The row's backlog at the end of its last day: the census of that day. */
    void backlog(Backlog census) {
        this.backlog = census;
    }

    /** The backlog at the end of the row's last day; null when no census was taken that day. */
    public Backlog backlog() {
        return backlog;
    }

    /** Whether the row has anything to show: a figure, or a census. */
    boolean hasFigures() {
        return backlog != null || counters.values().stream().anyMatch(n -> n != 0)
                || durations.values().stream().anyMatch(h -> h.getTotalCount() > 0);
    }

    public String key() {
        return key;
    }

    public long count(Counter c) {
        return counters.getOrDefault(c, 0L);
    }

    public Distribution distribution(DurationMetric m) {
        return Distribution.of(durations.getOrDefault(m, Durations.empty()));
    }

    /** Average rating, rounded to two decimals; null without responses. */
    public Double csatAverage() {
        long n = count(Counter.CSAT_RESPONSES);
        return n == 0 ? null : Math.round(100.0 * count(Counter.CSAT_RATING_SUM) / n) / 100.0;
    }

    /** Share of 4 and 5 ratings (the industry's CSAT %), 0..1 rounded to four decimals; null without responses. */
    public Double csatSatisfiedShare() {
        return ratio(count(Counter.CSAT_SATISFIED), count(Counter.CSAT_RESPONSES));
    }

    /** Responses per resolution of the same rows; null without resolutions. */
    public Double csatResponseRate() {
        return ratio(count(Counter.CSAT_RESPONSES), count(Counter.RESOLVED));
    }

    public Double deflectionRate() {
        return ratio(count(Counter.AI_DEFLECTED), count(Counter.AI_HANDLED));
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
