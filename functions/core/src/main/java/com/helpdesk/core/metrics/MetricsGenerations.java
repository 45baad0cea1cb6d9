package com.helpdesk.core.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which generation of the aggregates serves which days (docs/metrics.md, "Rebuild"). Generation 0 is the
 * original one and serves every day no rebuild took over; each finished rebuild adds a span of days served by
 * its own generation from then on (the latest span containing a day wins). While a rebuild runs, its
 * generation is {@code building}: live events are folded into it as well as into the serving generations, and
 * the replayed events only into it, so nothing that happens during the rebuild is missing when it switches.
 *
 * @param spans    finished rebuilds, oldest first
 * @param building the rebuild in progress, or null
 * @param latest   the highest generation ever handed out (a new rebuild takes the next one, never reusing items)
 * @param version  the stored item's version, for the conditional write of the next state (0: never stored)
 */
public record MetricsGenerations(List<Span> spans, Span building, int latest, long version) {

    /** Days {@code from} to {@code to} (inclusive; null: open-ended, every later day too) served by {@code generation}. */
    public record Span(int generation, LocalDate from, LocalDate to) {
        public Span {
            Objects.requireNonNull(from, "from");
            if (generation < 1) throw new IllegalArgumentException("rebuilt generations count from 1");
            if (to != null && to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        boolean covers(Span other) {
            return !other.from.isBefore(from) && (to == null || (other.to != null && !other.to.isAfter(to)));
        }

        @Override
        public String toString() {
            return "generation " + generation + " (" + from + " to " + (to == null ? "every later day" : to) + ")";
        }
    }

    /** A generation to fold live events into, with the days it keeps. */
    public record Target(int generation, Predicate<LocalDate> days) {
    }

    public MetricsGenerations {
        spans = List.copyOf(spans);
    }

    /** Before any rebuild: generation 0 serves every day. */
    public static MetricsGenerations initial() {
        return new MetricsGenerations(List.of(), null, 0, 0);
    }

    /** The generation whose aggregates answer for {@code day}. */
    public int servingOf(LocalDate day) {
        for (int i = spans.size() - 1; i >= 0; i--) if (spans.get(i).contains(day)) return spans.get(i).generation();
        return 0;
    }

    /** The serving generations, each with the days it serves (generation 0 first; every event is folded into each). */
    public List<Target> serving() {
        Set<Integer> generations = new LinkedHashSet<>();
        generations.add(0);
        for (Span s : spans) generations.add(s.generation());
        List<Target> out = new ArrayList<>();
        for (int g : generations) out.add(new Target(g, day -> servingOf(day) == g));
        return out;
    }

    /** The rebuild in progress as a target (every day of its span), or null. */
    public Target buildingTarget() {
        return building == null ? null : new Target(building.generation(), building::contains);
    }

    /**
     * Starts rebuilding {@code from}..{@code to} into a fresh generation. Asking again for the same days while it
     * runs answers the same state (an interrupted rebuild is resumed); other days while one runs are refused.
     */
    public MetricsGenerations begin(LocalDate from, LocalDate to) {
        if (building != null) {
            if (building.from().equals(from) && Objects.equals(building.to(), to)) return this;
            throw new IllegalStateException("a rebuild of " + building + " is in progress: finish or abandon it first");
        }
        return new MetricsGenerations(spans, new Span(latest + 1, from, to), latest + 1, version);
    }

    /** The rebuilt generation serves its days from now on; spans it wholly covers are dropped (they serve nothing any more). */
    public MetricsGenerations finish() {
        if (building == null) throw new IllegalStateException("no rebuild is in progress");
        List<Span> next = new ArrayList<>();
        for (Span s : spans) if (!building.covers(s)) next.add(s);
        next.add(building);
        return new MetricsGenerations(next, null, latest, version);
    }

    /** Gives up the rebuild in progress: its generation is never served (its items stay, unread). */
    public MetricsGenerations abandon() {
        if (building == null) throw new IllegalStateException("no rebuild is in progress");
        return new MetricsGenerations(spans, null, latest, version);
    }
}
