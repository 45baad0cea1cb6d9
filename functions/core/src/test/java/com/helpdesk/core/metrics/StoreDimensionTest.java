package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.helpdesk.core.metrics.DimensionFixture.CREATED;
import static com.helpdesk.core.metrics.DimensionFixture.DEC2;
import static com.helpdesk.core.metrics.DimensionFixture.fed;
import static com.helpdesk.core.metrics.DimensionFixture.twiceShuffled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store dimension is the Shopify store the order lookup read the ticket's orders from (OrderContextUpdated; no
 * TicketCreated carries one): the latest lookup's, and every figure of the ticket moves with it.
 */
class StoreDimensionTest {
    private static List<Observation> events() {
        return List.of(
                new Observation("e1", Kind.CREATED, CREATED, "customer", null, Map.of("channel", "email", "priority", "normal", "status", "new")),
                new Observation("e2", Kind.STORE, CREATED.plusSeconds(3), "system", "order-lookup", Map.of("store", "demo")),
                new Observation("e3", Kind.MESSAGE, CREATED.plusSeconds(600), "agent", "alice", Map.of("visibility", "public", "authorType", "agent")),
                new Observation("e4", Kind.STORE, CREATED.plusSeconds(900), "system", "order-lookup", Map.of("store", "outlet")),
                new Observation("e5", Kind.STATUS, CREATED.plusSeconds(1200), "agent", "alice", Map.of("from", "open", "to", "resolved")));
    }

    private static long created(InMemoryMetricsStore store, String value) {
        return DimensionFixture.created(store, "store", value);
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
            InMemoryMetricsStore shuffled = fed(twiceShuffled(events(), seed));
            assertThat(List.of(created(shuffled, "outlet"), created(shuffled, "demo"), created(shuffled, "none"))).as("seed %d", seed)
                    .containsExactly(1L, 0L, 0L);
        }
    }
}
