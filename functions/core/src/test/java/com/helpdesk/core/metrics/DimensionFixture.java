package com.helpdesk.core.metrics;

import com.helpdesk.core.sla.AroundTheClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What the dimension tests (intent, store) share: one ticket (t1) created on 2 December 2026 in Berlin, its
 * events folded into an in-memory store, and how many tickets were created under one value of a dimension.
 */
final class DimensionFixture {
    static final MetricsDefinitions DEFINITIONS = new MetricsDefinitions(ZoneId.of("Europe/Berlin"), AroundTheClock.INSTANCE);
    static final Instant CREATED = Instant.parse("2026-12-02T09:00:00Z");
    static final LocalDate DEC2 = LocalDate.parse("2026-12-02");

    private DimensionFixture() {}

    /** A fresh store with the events recorded in the order given. */
    static InMemoryMetricsStore fed(List<Observation> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, DEFINITIONS);
        for (Observation o : events) service.record("t1", o);
        return store;
    }

    /** Tickets created on 2 December under {@code dimension#value} (0 when there is no such aggregate). */
    static long created(InMemoryMetricsStore store, String dimension, String value) {
        DailyAggregate a = store.aggregates.get(new AggregateKey(DEC2, dimension + "#" + value));
        return a == null ? 0 : a.count(Counter.CREATED);
    }

    /** Every event twice, in an order the seed picks: what an at-least-once, unordered bus may deliver. */
    static List<Observation> twiceShuffled(List<Observation> events, long seed) {
        List<Observation> twice = new ArrayList<>(events);
        twice.addAll(events);
        Collections.shuffle(twice, new Random(seed));
        return twice;
    }
}
