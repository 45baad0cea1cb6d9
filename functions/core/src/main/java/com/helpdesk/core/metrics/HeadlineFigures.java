package com.helpdesk.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one applied event added to the team's headline numbers (the {@code all} aggregates, every day it
 * touched): counts that went up and duration values that appeared, with the ticket's channel. This is the
 * flow an operator's dashboard plots (a resolution, then a reopen, then a resolution again is two
 * resolutions and one reopen); the per-day figures of the metrics API stay the aggregates themselves.
 *
 * @param channel the ticket's channel on the wire ({@link MetricsDefinitions#UNKNOWN} before it is known)
 */
public record HeadlineFigures(String channel, Map<Counter, Long> counts, Map<DurationMetric, List<Long>> durations) {

    public HeadlineFigures {
        EnumMap<Counter, Long> countsCopy = new EnumMap<>(Counter.class);
        countsCopy.putAll(counts);
        EnumMap<DurationMetric, List<Long>> durationsCopy = new EnumMap<>(DurationMetric.class);
        durations.forEach((metric, values) -> durationsCopy.put(metric, List.copyOf(values)));
        counts = Collections.unmodifiableMap(countsCopy);
        durations = Collections.unmodifiableMap(durationsCopy);
    }

    /** These figures and {@code other}'s (of other days: a rebuilt generation's), together. */
    public HeadlineFigures plus(HeadlineFigures other) {
        EnumMap<Counter, Long> c = new EnumMap<>(Counter.class);
        c.putAll(counts);
        other.counts.forEach((k, n) -> c.merge(k, n, Long::sum));
        EnumMap<DurationMetric, List<Long>> d = new EnumMap<>(DurationMetric.class);
        durations.forEach((m, v) -> d.put(m, new ArrayList<>(v)));
        other.durations.forEach((m, v) -> d.computeIfAbsent(m, x -> new ArrayList<>()).addAll(v));
        String ch = MetricsDefinitions.UNKNOWN.equals(channel) ? other.channel : channel;
        return new HeadlineFigures(ch, c, d);
    }

    public boolean isEmpty() {
        return counts.isEmpty() && durations.isEmpty();
    }

    /** The difference between a ticket's contribution before and after one event, over its {@code all} aggregates. */
    static HeadlineFigures between(SortedMap<AggregateKey, Delta> before, SortedMap<AggregateKey, Delta> after) {
        EnumMap<Counter, Long> counts = new EnumMap<>(Counter.class);
        EnumMap<DurationMetric, List<Long>> oldValues = new EnumMap<>(DurationMetric.class);
        EnumMap<DurationMetric, List<Long>> newValues = new EnumMap<>(DurationMetric.class);
        before.forEach((k, d) -> {
            if (!k.dimension().equals(AggregateKey.ALL)) return;
            d.counters().forEach((c, n) -> counts.merge(c, -n, Long::sum));
            d.durations().forEach((m, v) -> oldValues.computeIfAbsent(m, x -> new ArrayList<>()).addAll(v));
        });
        after.forEach((k, d) -> {
            if (!k.dimension().equals(AggregateKey.ALL)) return;
            d.counters().forEach((c, n) -> counts.merge(c, n, Long::sum));
            d.durations().forEach((m, v) -> newValues.computeIfAbsent(m, x -> new ArrayList<>()).addAll(v));
        });
        counts.values().removeIf(n -> n <= 0);
        EnumMap<DurationMetric, List<Long>> added = new EnumMap<>(DurationMetric.class);
        newValues.forEach((m, values) -> {
            List<Long> appeared = new ArrayList<>(values);
            for (Long old : oldValues.getOrDefault(m, List.of())) appeared.remove(old);
            if (!appeared.isEmpty()) added.put(m, List.copyOf(appeared));
        });
        return new HeadlineFigures(channel(after.isEmpty() ? before : after), counts, added);
    }

    private static String channel(SortedMap<AggregateKey, Delta> contribution) {
        return contribution.keySet().stream().filter(k -> k.dimensionName().equals("channel"))
                .map(AggregateKey::dimensionValue).findFirst().orElse(MetricsDefinitions.UNKNOWN);
    }
}
