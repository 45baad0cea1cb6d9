package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.core.metrics.DimensionFixture.CREATED;
import static com.helpdesk.core.metrics.DimensionFixture.DEC2;
import static com.helpdesk.core.metrics.DimensionFixture.DEFINITIONS;
import static com.helpdesk.core.metrics.DimensionFixture.fed;
import static com.helpdesk.core.metrics.DimensionFixture.twiceShuffled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket counts under its current intent (IntentClassified: triage's, or an agent's correction, which stands):
 * when the intent changes, every figure of the ticket moves from the old value to the new one, whatever the
 * order and however often the events arrive.
 */
class IntentDimensionTest {
    private static Observation created() {
        return new Observation("e1", Kind.CREATED, CREATED, "customer", null, Map.of("channel", "email", "priority", "normal", "status", "new"));
    }

    private static Observation reply() {
        return new Observation("e2", Kind.MESSAGE, CREATED.plusSeconds(600), "agent", "alice", Map.of("visibility", "public", "authorType", "agent"));
    }

    private static Observation resolved() {
        return new Observation("e3", Kind.STATUS, CREATED.plusSeconds(1200), "agent", "alice", Map.of("from", "open", "to", "resolved"));
    }

    private static Observation intent(String id, long afterSeconds, String name, String source) {
        Map<String, String> fields = new HashMap<>();
        if (name != null) fields.put("name", name);
        fields.put("source", source);
        boolean agent = source.equals("agent");
        return new Observation(id, Kind.INTENT, CREATED.plusSeconds(afterSeconds), agent ? "agent" : "system", agent ? "alice" : "triage", fields);
    }

    private static long created(InMemoryMetricsStore store, String intent) {
        return DimensionFixture.created(store, "intent", intent);
    }

    @Test
    void everyFigureMovesToTheCorrectedIntent() {
        InMemoryMetricsStore store = fed(List.of(created(), intent("i1", 2, "wismo", "auto"), reply(), resolved()));
        assertThat(created(store, "wismo")).isEqualTo(1);
        assertThat(created(store, "none")).as("until triage answered").isZero();

        new MetricsService(store, DEFINITIONS).record("t1", intent("i2", 1800, "missing_item", "agent"));

        DailyAggregate moved = store.aggregates.get(new AggregateKey(DEC2, "intent#missing_item"));
        assertThat(moved.count(Counter.CREATED)).isEqualTo(1);
        assertThat(moved.count(Counter.RESOLVED)).isEqualTo(1);
        assertThat(moved.durations(DurationMetric.FIRST_RESPONSE).getTotalCount()).isEqualTo(1);
        assertThat(store.aggregates.get(new AggregateKey(DEC2, "intent#wismo")).isEmpty()).as("nothing left behind").isTrue();
        assertThat(store.aggregates.get(new AggregateKey(DEC2, AggregateKey.ALL)).count(Counter.CREATED)).as("all#all unchanged").isEqualTo(1);
    }

    @Test
    void aReclassificationUnderTheThresholdLeavesNoIntent() {
        InMemoryMetricsStore store = fed(List.of(created(), intent("i1", 2, "wismo", "auto"), intent("i2", 900, null, "auto")));
        assertThat(created(store, "wismo")).isZero();
        assertThat(created(store, "none")).isEqualTo(1);
    }

    /** Triage never writes after an agent's intent; a classification stamped later (a skewed clock, a tie) must not flip it either. */
    @Test
    void anAgentsIntentStandsAgainstALaterAutomaticOne() {
        InMemoryMetricsStore store = fed(List.of(created(), intent("i1", 2, "wismo", "auto"), intent("i2", 60, "billing", "agent"),
                intent("i3", 61, "return_request", "auto")));
        assertThat(created(store, "billing")).isEqualTo(1);
        assertThat(created(store, "return_request")).isZero();
        assertThat(created(store, "wismo")).isZero();
    }

    @Test
    void everyEventTwiceAndShuffledEndsUnderTheSameIntent() {
        List<Observation> events = List.of(created(), intent("i1", 2, "wismo", "auto"), reply(), intent("i2", 700, "damage_claim", "agent"),
                resolved(), intent("i3", 1300, "exchange", "agent"));
        InMemoryMetricsStore inOrder = fed(events);
        assertThat(created(inOrder, "exchange")).isEqualTo(1);
        for (long seed = 1; seed <= 25; seed++) {
            InMemoryMetricsStore shuffled = fed(twiceShuffled(events, seed));
            for (AggregateKey k : inOrder.aggregates.keySet()) {
                DailyAggregate mine = shuffled.aggregates.get(k);
                DailyAggregate expected = inOrder.aggregates.get(k);
                assertThat(mine == null ? expected.isEmpty() : mine.sameFigures(expected)).as("seed %d %s: %s vs %s", seed, k, mine, expected).isTrue();
            }
            for (String intent : List.of("wismo", "damage_claim", "none")) assertThat(created(shuffled, intent)).as("seed %d %s", seed, intent).isZero();
        }
    }

    /** The correction commits between a concurrent fold's read of the facts and its read of the aggregates (ConcurrentFoldTest). */
    @Test
    void aCorrectionCommittedDuringAnotherFoldIsReadAgain() {
        InMemoryMetricsStore store = fed(List.of(created(), intent("i1", 2, "wismo", "auto"), reply()));
        store.beforeNextAggregatesRead = () -> new MetricsService(store, DEFINITIONS).record("t1", intent("i2", 1100, "billing", "agent"));

        assertThat(new MetricsService(store, DEFINITIONS).record("t1", resolved())).isTrue();

        DailyAggregate billing = store.aggregates.get(new AggregateKey(DEC2, "intent#billing"));
        assertThat(billing.count(Counter.CREATED)).isEqualTo(1);
        assertThat(billing.count(Counter.RESOLVED)).isEqualTo(1);
        assertThat(store.aggregates.get(new AggregateKey(DEC2, "intent#wismo")).isEmpty()).isTrue();
    }
}
