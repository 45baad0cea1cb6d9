package com.helpdesk.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What one ticket adds to one aggregate: counts, and duration values in seconds. Mutable while a contribution is built. */
public final class Delta {
    private final EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
    private final EnumMap<DurationMetric, List<Long>> durations = new EnumMap<>(DurationMetric.class);

    void count(Counter counter, long n) {
        counters.merge(counter, n, Long::sum);
    }

    void duration(DurationMetric metric, long seconds) {
        durations.computeIfAbsent(metric, m -> new ArrayList<>()).add(seconds);
    }

    public Map<Counter, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    public Map<DurationMetric, List<Long>> durations() {
        return Collections.unmodifiableMap(durations);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Delta d)) return false;
        if (!counters.equals(d.counters) || durations.size() != d.durations.size()) return false;
        for (Map.Entry<DurationMetric, List<Long>> e : durations.entrySet()) {
            List<Long> mine = new ArrayList<>(e.getValue());
            List<Long> theirs = new ArrayList<>(d.durations.getOrDefault(e.getKey(), List.of()));
            Collections.sort(mine);
            Collections.sort(theirs);
            if (!mine.equals(theirs)) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return counters.hashCode();
    }

    @Override
    public String toString() {
        return "Delta" + counters + durations;
    }
}
