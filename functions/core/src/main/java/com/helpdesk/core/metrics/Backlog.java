package com.helpdesk.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The open work of one dimension value at the end of a team day: tickets new, open and pending, and how
 * old they are (creation to the census). A census, not a sum of events: a ticket sits in the backlog on
 * days on which nothing happens to it.
 */
public record Backlog(LocalDate day, String dimension, Instant takenAt, long fresh, long open, long pending, Map<Age, Long> ages) {

    /** Age bands of the open work, from the ticket's creation to the census. */
    public enum Age {
        UNDER_1_DAY("under1d", Duration.ofDays(1)),
        DAYS_1_TO_3("1to3d", Duration.ofDays(3)),
        DAYS_3_TO_7("3to7d", Duration.ofDays(7)),
        OVER_7_DAYS("over7d", null);

        private final String wire;
        private final Duration below;

        Age(String wire, Duration below) {
            this.wire = wire;
            this.below = below;
        }

        public String wire() {
            return wire;
        }

        static Age of(Duration age) {
            for (Age a : values()) if (a.below == null || age.compareTo(a.below) < 0) return a;
            throw new AssertionError("the last band is open-ended");
        }

        public static Age parse(String wire) {
            for (Age a : values()) if (a.wire.equals(wire)) return a;
            throw new IllegalArgumentException("not a backlog age band: " + wire);
        }
    }

    public Backlog {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(takenAt, "takenAt");
        EnumMap<Age, Long> all = new EnumMap<>(Age.class);
        for (Age a : Age.values()) all.put(a, ages == null ? 0L : ages.getOrDefault(a, 0L));
        ages = Map.copyOf(all);
    }

    public long total() {
        return fresh + open + pending;
    }

    public long count(Age age) {
        return ages.get(age);
    }
}
