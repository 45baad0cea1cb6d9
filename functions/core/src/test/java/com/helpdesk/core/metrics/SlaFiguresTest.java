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

/** docs/metrics.md, "SLA": met and breached per target, on the day of the outcome, once per cycle, never for a merged-away ticket. */
class SlaFiguresTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    private static final LocalDate NOV24 = LocalDate.parse("2026-11-24");

    /**
     * F (email, high): firstResponse met at 08:20, resolution breached at 16:00 (Nov 23), resolved on Nov 24.
     * G (chat): firstResponse breached at 09:00 Nov 23 (no SlaMet follows for it), resolution met Nov 24 10:00;
     * reopened, its second resolution cycle met Nov 24 12:00. H: breached, then merged into F: counted nowhere.
     */
    static List<Event> events() {
        List<Event> e = new ArrayList<>();
        e.add(event("tkt_f", "f1", Kind.CREATED, "2026-11-23T08:00:00Z", Map.of("channel", "email", "priority", "high", "status", "new")));
        e.add(event("tkt_f", "f2", Kind.SLA, "2026-11-23T08:20:00Z", sla("firstResponse", 1, "met")));
        e.add(event("tkt_f", "f3", Kind.SLA, "2026-11-23T16:00:00Z", sla("resolution", 1, "breached")));
        e.add(event("tkt_g", "g1", Kind.CREATED, "2026-11-23T07:00:00Z", Map.of("channel", "chat", "priority", "normal", "status", "new")));
        e.add(event("tkt_g", "g2", Kind.SLA, "2026-11-23T09:00:00Z", sla("firstResponse", 1, "breached")));
        e.add(event("tkt_g", "g3", Kind.SLA, "2026-11-24T10:00:00Z", sla("resolution", 1, "met")));
        e.add(event("tkt_g", "g4", Kind.SLA, "2026-11-24T12:00:00Z", sla("resolution", 2, "met")));
        e.add(event("tkt_h", "h1", Kind.CREATED, "2026-11-23T07:30:00Z", Map.of("channel", "email", "priority", "normal", "status", "new")));
        e.add(event("tkt_h", "h2", Kind.SLA, "2026-11-23T08:30:00Z", sla("firstResponse", 1, "breached")));
        e.add(event("tkt_h", "h3", Kind.MERGED, "2026-11-23T09:30:00Z", Map.of("role", "source")));
        return e;
    }

    record Event(String ticketId, Observation observation) {
    }

    private static Event event(String ticket, String id, Kind kind, String at, Map<String, String> fields) {
        return new Event(ticket, new Observation("evt_" + id, kind, Instant.parse(at), "system", "sla-timer", fields));
    }

    private static Map<String, String> sla(String target, int cycle, String outcome) {
        return Map.of("target", target, "cycle", String.valueOf(cycle), "outcome", outcome, "businessHours", "emea");
    }

    private static InMemoryMetricsStore fed(List<Event> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, new MetricsDefinitions(BERLIN, AroundTheClock.INSTANCE));
        for (Event e : events) service.record(e.ticketId(), e.observation());
        return store;
    }

    private static DailyAggregate day(InMemoryMetricsStore store, LocalDate day, String dimension) {
        return store.aggregates.getOrDefault(new AggregateKey(day, dimension), DailyAggregate.empty(new AggregateKey(day, dimension)));
    }

    @Test
    void metAndBreachedPerTargetOnTheDayOfTheOutcome() {
        InMemoryMetricsStore store = fed(events());
        DailyAggregate nov23 = day(store, NOV23, AggregateKey.ALL);
        assertThat(nov23.count(Counter.SLA_MET)).as("F's first response").isEqualTo(1);
        assertThat(nov23.count(Counter.SLA_BREACHED)).as("F's resolution, G's first response; not H (merged away)").isEqualTo(2);
        assertThat(nov23.count(Counter.SLA_FIRST_RESPONSE_MET)).isEqualTo(1);
        assertThat(nov23.count(Counter.SLA_FIRST_RESPONSE_BREACHED)).isEqualTo(1);
        assertThat(nov23.count(Counter.SLA_RESOLUTION_BREACHED)).isEqualTo(1);
        DailyAggregate nov24 = day(store, NOV24, AggregateKey.ALL);
        assertThat(nov24.count(Counter.SLA_MET)).as("G's two resolution cycles").isEqualTo(2);
        assertThat(nov24.count(Counter.SLA_RESOLUTION_MET)).isEqualTo(2);
        assertThat(nov24.count(Counter.SLA_BREACHED)).isZero();
        assertThat(day(store, NOV23, "channel#chat").count(Counter.SLA_FIRST_RESPONSE_BREACHED)).isEqualTo(1);
        assertThat(day(store, NOV23, "priority#high").count(Counter.SLA_FIRST_RESPONSE_MET)).isEqualTo(1);
    }

    @Test
    void everyEventTwiceAndShuffledCountsTheSame() {
        InMemoryMetricsStore once = fed(events());
        for (int seed = 0; seed < 10; seed++) {
            List<Event> twice = new ArrayList<>(events());
            twice.addAll(events());
            Collections.shuffle(twice, new Random(seed));
            InMemoryMetricsStore shuffled = fed(twice);
            for (DailyAggregate a : once.aggregates.values()) {
                assertThat(shuffled.aggregates.get(a.key()).sameFigures(a)).as(a.key() + " seed " + seed).isTrue();
            }
        }
    }

    @Test
    void anUnknownTargetOrOutcomeCountsNothing() {
        InMemoryMetricsStore store = fed(List.of(
                event("tkt_x", "x1", Kind.CREATED, "2026-11-23T08:00:00Z", Map.of("channel", "email", "status", "new")),
                event("tkt_x", "x2", Kind.SLA, "2026-11-23T09:00:00Z", sla("lunch", 1, "met")),
                event("tkt_x", "x3", Kind.SLA, "2026-11-23T09:00:00Z", sla("firstResponse", 1, "maybe"))));
        assertThat(day(store, NOV23, AggregateKey.ALL).count(Counter.SLA_MET)).isZero();
        assertThat(day(store, NOV23, AggregateKey.ALL).count(Counter.SLA_BREACHED)).isZero();
    }
}
