package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;
import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store dimension is the Shopify store the order lookup read the ticket's orders from (OrderContextUpdated; no
 * TicketCreated carries one): the latest lookup's, and every figure of the ticket moves with it.
 */
class StoreDimensionTest {
    private static final MetricsDefinitions DEFINITIONS = new MetricsDefinitions(ZoneId.of("Europe/Berlin"), AroundTheClock.INSTANCE);
    private static final Instant CREATED = Instant.parse("2026-12-02T09:00:00Z");
    private static final LocalDate DEC2 = LocalDate.parse("2026-12-02");

    private static List<Observation> events() {
        return List.of(
                new Observation("e1", Kind.CREATED, CREATED, "customer", null, Map.of("channel", "email", "priority", "normal", "status", "new")),
                new Observation("e2", Kind.STORE, CREATED.plusSeconds(3), "system", "order-lookup", Map.of("store", "demo")),
                new Observation("e3", Kind.MESSAGE, CREATED.plusSeconds(600), "agent", "alice", Map.of("visibility", "public", "authorType", "agent")),
                new Observation("e4", Kind.STORE, CREATED.plusSeconds(900), "system", "order-lookup", Map.of("store", "outlet")),
                new Observation("e5", Kind.STATUS, CREATED.plusSeconds(1200), "agent", "alice", Map.of("from", "open", "to", "resolved")));
    }

    private static InMemoryMetricsStore fed(List<Observation> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, DEFINITIONS);
        for (Observation o : events) service.record("t1", o);
        return store;
    }

    private static long created(InMemoryMetricsStore store, String value) {
        DailyAggregate a = store.aggregates.get(new AggregateKey(DEC2, "store#" + value));
        return a == null ? 0 : a.count(Counter.CREATED);
    }

    @Test
    void aTicketCountsUnderTheStoreOfItsLatestOrderLookup() {
        InMemoryMetricsStore before = fed(events().subList(0, 1));
        assertThat(created(before, "none")).as("no lookup yet").isEqualTo(1);
        InMemoryMetricsStore store = fed(events());
        assertThat(created(store, "outlet")).isEqualTo(1);
        assertThat(store.aggregates.get(new AggregateKey(DEC2, "store#outlet")).count(Counter.RESOLVED)).isEqualTo(1);
        assertThat(created(store, "demo")).isZero();
        assertThat(created(store, "none")).isZero();
    }

    @Test
    void everyEventTwiceAndShuffledEndsUnderTheSameStore() {
        for (long seed = 1; seed <= 25; seed++) {
            List<Observation> twice = new ArrayList<>(events());
            twice.addAll(events());
            Collections.shuffle(twice, new Random(seed));
            InMemoryMetricsStore shuffled = fed(twice);
            assertThat(List.of(created(shuffled, "outlet"), created(shuffled, "demo"), created(shuffled, "none"))).as("seed %d", seed)
                    .containsExactly(1L, 0L, 0L);
        }
    }
}
