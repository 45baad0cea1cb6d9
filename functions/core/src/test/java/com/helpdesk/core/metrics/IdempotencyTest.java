package com.helpdesk.core.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bus delivers at least once and in any order: every event twice, shuffled, gives the same aggregates. */
class IdempotencyTest {
    private static final MetricsDefinitions DEFINITIONS = new MetricsDefinitions(ZoneId.of("Europe/Berlin"), AroundTheClock.INSTANCE);

    private static InMemoryMetricsStore feed(List<WorkedExamples.Event> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, DEFINITIONS);
        for (WorkedExamples.Event e : events) service.record(e.ticketId(), e.observation());
        return store;
    }

    private static java.util.Set<AggregateKey> nonEmpty(InMemoryMetricsStore store) {
        java.util.Set<AggregateKey> keys = new java.util.TreeSet<>();
        store.aggregates.forEach((k, a) -> {
            if (!a.isEmpty()) keys.add(k);
        });
        return keys;
    }

    @Test
    void everyEventTwiceAndShuffledGivesIdenticalAggregates() {
        List<WorkedExamples.Event> events = WorkedExamples.all();
        InMemoryMetricsStore inOrder = feed(events);
        assertThat(inOrder.aggregates).isNotEmpty();
        for (long seed = 1; seed <= 25; seed++) {
            List<WorkedExamples.Event> twice = new ArrayList<>(events);
            twice.addAll(events);
            Collections.shuffle(twice, new Random(seed));
            InMemoryMetricsStore shuffled = feed(twice);
            // an aggregate a ticket moved out of (B's priority after its escalation) stays as an empty item
            assertThat(nonEmpty(shuffled)).as("seed %d", seed).isEqualTo(nonEmpty(inOrder));
            for (AggregateKey k : nonEmpty(inOrder)) {
                assertThat(shuffled.aggregates.get(k).sameFigures(inOrder.aggregates.get(k)))
                        .as("seed %d %s: %s vs %s", seed, k, shuffled.aggregates.get(k), inOrder.aggregates.get(k)).isTrue();
            }
        }
    }

    @Test
    void aRedeliveryChangesNothing() {
        List<WorkedExamples.Event> events = WorkedExamples.all();
        InMemoryMetricsStore store = feed(events);
        MetricsService service = new MetricsService(store, DEFINITIONS);
        for (WorkedExamples.Event e : events) assertThat(service.record(e.ticketId(), e.observation())).isFalse();
    }
}
