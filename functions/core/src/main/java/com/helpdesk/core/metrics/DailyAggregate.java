package com.helpdesk.core.metrics;

import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one day and dimension value: counters and one duration sketch per {@link DurationMetric}.
 * {@link #replace} takes a ticket's old contribution back and adds its new one, so recomputing a ticket
 * (a reopen, a late event) never counts it twice. {@code version} is the stored item's version, for
 * optimistic locking; it is not part of the figures ({@link #sameFigures}).
 */
public final class DailyAggregate {
    private final AggregateKey key;
    private final EnumMap<Counter, Long> counters;
    private final EnumMap<DurationMetric, Histogram> durations;
    private final long version;

    public DailyAggregate(AggregateKey key, Map<Counter, Long> counters, Map<DurationMetric, Histogram> durations, long version) {
        this.key = Objects.requireNonNull(key, "key");
        this.counters = new EnumMap<>(Counter.class);
        counters.forEach((c, n) -> {
            if (n != 0) this.counters.put(c, n);
        });
        this.durations = new EnumMap<>(DurationMetric.class);
        durations.forEach((m, h) -> this.durations.put(m, Durations.copy(h)));
        this.version = version;
    }

    public static DailyAggregate empty(AggregateKey key) {
        return new DailyAggregate(key, Map.of(), Map.of(), 0);
    }

    /** This aggregate with {@code old} taken back and {@code neu} added (either may be null); the version is kept. */
    public DailyAggregate replace(Delta old, Delta neu) {
        EnumMap<Counter, Long> c = new EnumMap<>(counters);
        EnumMap<DurationMetric, Histogram> d = new EnumMap<>(DurationMetric.class);
        durations.forEach((m, h) -> d.put(m, Durations.copy(h)));
        if (old != null) {
            old.counters().forEach((k, n) -> c.merge(k, -n, Long::sum));
            old.durations().forEach((m, values) -> {
                Histogram h = d.computeIfAbsent(m, x -> Durations.empty());
                h.subtract(Durations.of(values));
            });
        }
        if (neu != null) {
            neu.counters().forEach((k, n) -> c.merge(k, n, Long::sum));
            neu.durations().forEach((m, values) -> d.computeIfAbsent(m, x -> Durations.empty()).add(Durations.of(values)));
        }
        for (Map.Entry<Counter, Long> e : c.entrySet()) {
            if (e.getValue() < 0) throw new IllegalStateException(key + " would count " + e.getValue() + " " + e.getKey() + ": the contribution taken back was never added");
        }
        d.values().removeIf(h -> h.getTotalCount() == 0);
        return new DailyAggregate(key, c, d, version);
    }

    public DailyAggregate withVersion(long newVersion) {
        return new DailyAggregate(key, counters, durations, newVersion);
    }

    public AggregateKey key() {
        return key;
    }

    public long count(Counter counter) {
        return counters.getOrDefault(counter, 0L);
    }

    public Map<Counter, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    /** The sketch of a duration (a copy; empty when nothing was recorded). */
    public Histogram durations(DurationMetric metric) {
        Histogram h = durations.get(metric);
        return h == null ? Durations.empty() : Durations.copy(h);
    }

    public Map<DurationMetric, Histogram> allDurations() {
        EnumMap<DurationMetric, Histogram> copy = new EnumMap<>(DurationMetric.class);
        durations.forEach((m, h) -> copy.put(m, Durations.copy(h)));
        return copy;
    }

    public long version() {
        return version;
    }

    public boolean isEmpty() {
        return counters.isEmpty() && durations.isEmpty();
    }

    /** Same key, counters and recorded durations (the version and the sketches' internal history aside). */
    public boolean sameFigures(DailyAggregate o) {
        if (!key.equals(o.key) || !counters.equals(o.counters) || !durations.keySet().equals(o.durations.keySet())) return false;
        for (DurationMetric m : durations.keySet()) if (!Durations.sameValues(durations.get(m), o.durations.get(m))) return false;
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(key.day() + " " + key.dimension() + " " + counters);
        durations.forEach((m, h) -> s.append(' ').append(m).append('=').append(Durations.recorded(h).stream().map(v -> v[0] + "x" + v[1]).toList()));
        return s.toString();
    }

}
