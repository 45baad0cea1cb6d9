package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.metrics.AggregateKey;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DailyAggregate;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.MetricsDefinitions;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.Observation;
import com.helpdesk.core.metrics.Observation.Kind;
import com.helpdesk.core.metrics.TicketFacts;
import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metrics facts and aggregates against DynamoDB Local: round trips, optimistic locking, reads per day. */
class DynamoDbMetricsStoreTest {
    private static final MetricsDefinitions UTC = new MetricsDefinitions(ZoneId.of("UTC"), AroundTheClock.INSTANCE);
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("m-order", "m-shuffled", "m-lock", "m-read", "m-backlog", "m-generations");
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
    }

    private record Event(String ticketId, Observation observation) {
    }

    private static List<Event> tickets() {
        List<Event> e = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String t = "tkt_" + i;
            Instant c = Instant.parse("2026-11-23T08:00:00Z").plusSeconds(3600L * i);
            e.add(new Event(t, obs(t + "-1", Kind.CREATED, c, "customer", null, Map.of("channel", i == 0 ? "email" : "chat", "priority", "normal", "status", "new"))));
            e.add(new Event(t, obs(t + "-2", Kind.MESSAGE, c, "customer", null, Map.of("visibility", "public", "authorType", "customer"))));
            e.add(new Event(t, obs(t + "-3", Kind.MESSAGE, c.plusSeconds(120L * (i + 1)), "agent", "alice", Map.of("visibility", "public", "authorType", "agent"))));
            e.add(new Event(t, obs(t + "-4", Kind.STATUS, c.plusSeconds(1800), "agent", "alice", Map.of("from", "open", "to", "resolved"))));
            e.add(new Event(t, obs(t + "-5", Kind.STATUS, c.plusSeconds(86_400), "customer", null, Map.of("from", "resolved", "to", "open"))));
        }
        return e;
    }

    private static Observation obs(String id, Kind kind, Instant at, String actorType, String actorId, Map<String, String> fields) {
        return new Observation("evt_" + id, kind, at, actorType, actorId, fields);
    }

    private static DynamoDbMetricsStore fed(String table, List<Event> events) {
        DynamoDbMetricsStore store = new DynamoDbMetricsStore(client, table);
        MetricsService service = new MetricsService(store, UTC);
        for (Event e : events) service.record(e.ticketId(), e.observation());
        return store;
    }

    @Test
    void twiceShuffledDeliveryStoresTheSameAggregatesAndFacts() {
        List<Event> events = tickets();
        DynamoDbMetricsStore inOrder = fed("m-order", events);
        List<Event> twice = new ArrayList<>(events);
        twice.addAll(events);
        Collections.shuffle(twice, new Random(7));
        DynamoDbMetricsStore shuffled = fed("m-shuffled", twice);
        List<LocalDate> days = List.of(NOV23, NOV23.plusDays(1));
        for (String dimension : List.of("all", "channel", "agent", "priority")) {
            List<DailyAggregate> a = inOrder.read(days, dimension, null).stream().filter(x -> !x.isEmpty()).toList();
            List<DailyAggregate> b = shuffled.read(days, dimension, null).stream().filter(x -> !x.isEmpty()).toList();
            assertThat(b).hasSameSizeAs(a).isNotEmpty();
            for (int i = 0; i < a.size(); i++) assertThat(b.get(i).sameFigures(a.get(i))).as("%s vs %s", b.get(i), a.get(i)).isTrue();
        }
        DailyAggregate all = inOrder.read(List.of(NOV23), "all", "all").get(0);
        assertThat(all.count(Counter.CREATED)).isEqualTo(3);
        assertThat(all.count(Counter.RESOLVED)).as("all reopened the next day").isZero();
        assertThat(all.durations(DurationMetric.FIRST_RESPONSE).getTotalCount()).isEqualTo(3);
        assertThat(all.durations(DurationMetric.RESOLUTION_CYCLE).getTotalCount()).isEqualTo(3);
        assertThat(inOrder.facts("tkt_1").orElseThrow().facts()).isEqualTo(shuffled.facts("tkt_1").orElseThrow().facts());
    }

    @Test
    void aStaleVersionWritesNothing() {
        DynamoDbMetricsStore store = new DynamoDbMetricsStore(client, "m-lock");
        AggregateKey key = new AggregateKey(NOV23, AggregateKey.ALL);
        TicketFacts facts = TicketFacts.empty("tkt_lock").with(obs("l1", Kind.CREATED, Instant.parse("2026-11-23T08:00:00Z"), "customer", null,
                Map.of("channel", "email", "priority", "normal", "status", "new")));
        DailyAggregate first = store.aggregates(List.of(key)).get(key).replace(null, UTC.contribution(facts).get(key));
        store.commit(facts, 0, List.of(first));
        assertThat(store.facts("tkt_lock").orElseThrow().version()).isEqualTo(1);
        assertThat(store.aggregates(List.of(key)).get(key).version()).isEqualTo(1);

        TicketFacts again = facts.with(obs("l2", Kind.MESSAGE, Instant.parse("2026-11-23T08:05:00Z"), "agent", "bob",
                Map.of("visibility", "public", "authorType", "agent")));
        assertThatThrownBy(() -> store.commit(again, 0, List.of(first))).as("facts at version 1 now").isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.commit(again, 1, List.of(first))).as("aggregate at version 1 now").isInstanceOf(VersionConflictException.class);
        assertThat(store.facts("tkt_lock").orElseThrow().facts()).isEqualTo(facts);
        assertThat(store.aggregates(List.of(key)).get(key).count(Counter.CREATED)).isEqualTo(1);
    }

    @Test
    void aRangeOfDaysCostsOneQueryPerDay() {
        DynamoDbMetricsStore store = fed("m-read", tickets());
        List<LocalDate> days = NOV23.minusDays(28).datesUntil(NOV23.plusDays(2)).toList();
        NoScanClient.OPERATIONS.clear();
        List<DailyAggregate> byChannel = store.read(days, "channel", null);
        assertThat(NoScanClient.OPERATIONS).hasSize(days.size()).containsOnly("Query");
        assertThat(byChannel).extracting(a -> a.key().dimension()).contains("channel#email", "channel#chat");
        NoScanClient.OPERATIONS.clear();
        assertThat(store.read(days, "channel", "email")).extracting(a -> a.key().dimension()).containsOnly("channel#email");
        assertThat(NoScanClient.OPERATIONS).hasSize(days.size()).containsOnly("Query");
    }

    @Test
    void aBacklogCensusRoundTripsBesideTheAggregatesReplacesTheDaysEarlierCensusAndIsReadOneQueryPerDay() {
        DynamoDbMetricsStore store = fed("m-backlog", tickets());
        Instant at = Instant.parse("2026-11-23T23:59:00Z");
        List<Backlog> census = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // more than one BatchWriteItem
            census.add(new Backlog(NOV23, "agent#agent-" + i, at, i, 1, 2, Map.of(Backlog.Age.UNDER_1_DAY, 1L, Backlog.Age.OVER_7_DAYS, (long) i + 2)));
        }
        census.add(new Backlog(NOV23, "channel#chat", at, 0, 3, 0, Map.of(Backlog.Age.DAYS_1_TO_3, 3L)));
        store.putBacklog(census);
        store.putBacklog(List.of(new Backlog(NOV23, "channel#chat", at.plusSeconds(30), 0, 4, 0, Map.of(Backlog.Age.DAYS_1_TO_3, 4L))));

        NoScanClient.OPERATIONS.clear();
        List<Backlog> chat = store.backlog(List.of(NOV23.minusDays(1), NOV23), "channel", null);
        assertThat(NoScanClient.OPERATIONS).containsExactly("Query", "Query");
        assertThat(chat).singleElement().satisfies(b -> {
            assertThat(b.open()).isEqualTo(4);
            assertThat(b.count(Backlog.Age.DAYS_1_TO_3)).isEqualTo(4);
            assertThat(b.takenAt()).isEqualTo(at.plusSeconds(30));
        });
        assertThat(store.backlog(List.of(NOV23), "agent", null)).hasSize(30);
        assertThat(store.backlog(List.of(NOV23), "agent", "agent-7")).singleElement().isEqualTo(census.get(7));
        // the census lives in the aggregates' partition without being read as one
        assertThat(store.read(List.of(NOV23), "channel", null)).extracting(a -> a.key().dimension()).contains("channel#chat", "channel#email");
        assertThat(store.read(List.of(NOV23), "agent", null)).extracting(a -> a.key().dimension()).doesNotContain("agent#agent-7");
    }

    @Test
    void generationsRoundTripWithOptimisticLockingAndAGenerationsItemsStayApart() {
        DynamoDbMetricsStore store = fed("m-generations", tickets());
        assertThat(store.generations()).isEqualTo(com.helpdesk.core.metrics.MetricsGenerations.initial());
        var building = store.generations().begin(NOV23, null);
        store.saveGenerations(building);
        assertThatThrownBy(() -> store.saveGenerations(building)).as("stored at version 1 now").isInstanceOf(VersionConflictException.class);
        var read = store.generations();
        assertThat(read.building()).isEqualTo(new com.helpdesk.core.metrics.MetricsGenerations.Span(1, NOV23, null));
        assertThat(read.version()).isEqualTo(1);

        MetricsService service = new MetricsService(store, UTC);
        for (Event e : tickets()) service.rebuild(e.ticketId(), e.observation());
        store.saveGenerations(store.generations().finish());
        var finished = store.generations();
        assertThat(finished.spans()).containsExactly(new com.helpdesk.core.metrics.MetricsGenerations.Span(1, NOV23, null));
        assertThat(finished.building()).isNull();

        com.helpdesk.core.metrics.MetricsStore rebuilt = store.generation(1);
        List<LocalDate> days = List.of(NOV23, NOV23.plusDays(1));
        List<DailyAggregate> original = store.read(days, "all", null);
        List<DailyAggregate> again = rebuilt.read(days, "all", null);
        assertThat(again).hasSameSizeAs(original).isNotEmpty();
        for (int i = 0; i < original.size(); i++) assertThat(again.get(i).sameFigures(original.get(i))).isTrue();
        assertThat(rebuilt.facts("tkt_1").orElseThrow().facts()).isEqualTo(store.facts("tkt_1").orElseThrow().facts());
        assertThat(store.generation(2).read(days, "all", null)).as("never written").isEmpty();
        assertThat(store.generation(2).facts("tkt_1")).isEmpty();
    }
}
