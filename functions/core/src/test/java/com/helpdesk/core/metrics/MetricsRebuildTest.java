package com.helpdesk.core.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuilding the aggregates from the events into a fresh generation (docs/metrics.md, "Rebuild"). */
class MetricsRebuildTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate NOV22 = LocalDate.parse("2026-11-22");
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    private static final LocalDate NOV24 = LocalDate.parse("2026-11-24");

    private static List<WorkedExamples.Event> events() {
        List<WorkedExamples.Event> all = new ArrayList<>(WorkedExamples.all());
        for (SlaFiguresTest.Event e : SlaFiguresTest.events()) all.add(new WorkedExamples.Event(e.ticketId(), e.observation()));
        return all;
    }

    private static MetricsService service(InMemoryMetricsStore store, ZoneId zone) {
        return new MetricsService(store, new MetricsDefinitions(zone, AroundTheClock.INSTANCE));
    }

    private static InMemoryMetricsStore live(List<WorkedExamples.Event> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService s = service(store, BERLIN);
        for (WorkedExamples.Event e : events) s.record(e.ticketId(), e.observation());
        return store;
    }

    /** Everything GET /metrics answers over Nov 22-24: by day, by channel, by agent, each row's counters and distributions. */
    private static String reports(InMemoryMetricsStore store) {
        MetricsQuery q = new MetricsQuery(store, BERLIN);
        StringBuilder out = new StringBuilder();
        for (MetricsRequest.GroupBy by : List.of(MetricsRequest.GroupBy.DAY, MetricsRequest.GroupBy.CHANNEL, MetricsRequest.GroupBy.AGENT)) {
            for (MetricsRow r : q.report(new MetricsRequest(NOV22, NOV24, by, null, null)).rows()) {
                out.append(by).append(' ').append(r.key());
                for (Counter c : Counter.values()) out.append(' ').append(r.count(c));
                for (DurationMetric m : DurationMetric.values()) out.append(' ').append(r.distribution(m));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void rebuild(InMemoryMetricsStore store, ZoneId zone, LocalDate from, LocalDate to, List<WorkedExamples.Event> replayed) {
        store.saveGenerations(store.generations().begin(from, to));
        MetricsService s = service(store, zone);
        for (WorkedExamples.Event e : replayed) s.rebuild(e.ticketId(), e.observation());
        store.saveGenerations(store.generations().finish());
    }

    private static List<WorkedExamples.Event> twiceShuffled(int seed) {
        List<WorkedExamples.Event> twice = new ArrayList<>(events());
        twice.addAll(events());
        Collections.shuffle(twice, new Random(seed));
        return twice;
    }

    @Test
    void aRebuildFromTheEventsAnswersExactlyWhatTheLiveAggregatesAnswered() {
        InMemoryMetricsStore store = live(events());
        String before = reports(store);
        rebuild(store, BERLIN, NOV22, null, twiceShuffled(1));
        assertThat(store.state.servingOf(NOV23)).isEqualTo(1);
        assertThat(reports(store)).isEqualTo(before);
        assertThat(store.generations.get(1).aggregates).as("the new generation holds the figures").isNotEmpty();
    }

    @Test
    void rebuildingAgainGivesTheSameNumbersNotDoubleCounts() {
        InMemoryMetricsStore store = live(events());
        String before = reports(store);
        rebuild(store, BERLIN, NOV22, null, twiceShuffled(2));
        rebuild(store, BERLIN, NOV22, null, twiceShuffled(3));
        assertThat(store.state.servingOf(NOV24)).isEqualTo(2);
        assertThat(store.state.spans()).as("the second rebuild covers the first: it serves nothing any more").hasSize(1);
        assertThat(reports(store)).isEqualTo(before);
    }

    @Test
    void liveEventsDuringTheRebuildAreNotLost() {
        List<WorkedExamples.Event> all = events();
        int half = all.size() / 2;
        InMemoryMetricsStore store = live(all.subList(0, half));
        store.saveGenerations(store.generations().begin(NOV22, null));
        MetricsService s = service(store, BERLIN);
        // the second half happens while the rebuild replays: live into both, then the replay sees only what the source had when read
        for (WorkedExamples.Event e : all.subList(half, all.size())) s.record(e.ticketId(), e.observation());
        for (WorkedExamples.Event e : all.subList(0, half + 3)) s.rebuild(e.ticketId(), e.observation());
        store.saveGenerations(store.generations().finish());
        assertThat(reports(store)).isEqualTo(reports(live(all)));
    }

    @Test
    void aDefinitionChangeIsBackfilled() {
        // the aggregates were counted under UTC days; the definition is now Europe/Berlin's days
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService utc = service(store, ZoneId.of("UTC"));
        for (WorkedExamples.Event e : events()) utc.record(e.ticketId(), e.observation());
        assertThat(reports(store)).isNotEqualTo(reports(live(events())));
        rebuild(store, BERLIN, NOV22, null, events());
        assertThat(reports(store)).isEqualTo(reports(live(events())));
    }

    @Test
    void aRangeOfDaysIsRebuiltAndTheOtherDaysStayServedAsBefore() {
        InMemoryMetricsStore store = live(events());
        String before = reports(store);
        rebuild(store, BERLIN, NOV24, NOV24, twiceShuffled(4));
        assertThat(store.state.servingOf(NOV23)).isZero();
        assertThat(store.state.servingOf(NOV24)).isEqualTo(1);
        assertThat(store.state.servingOf(NOV24.plusDays(1))).isZero();
        assertThat(store.generations.get(1).aggregates.keySet()).extracting(AggregateKey::day).containsOnly(NOV24);
        assertThat(reports(store)).isEqualTo(before);
    }

    @Test
    void aReportReadsTheGenerationsOnceAndEachDayOnce() {
        InMemoryMetricsStore store = live(events());
        rebuild(store, BERLIN, NOV24, null, events());
        int reads = store.stateReads;
        new MetricsQuery(store, BERLIN).report(new MetricsRequest(NOV22, NOV24, MetricsRequest.GroupBy.DAY, null, null));
        assertThat(store.stateReads - reads).isEqualTo(1);
    }

    @Test
    void replayedEventsWithoutARebuildInProgressChangeNothing() {
        InMemoryMetricsStore store = live(events());
        String before = reports(store);
        WorkedExamples.Event e = events().get(0);
        assertThat(service(store, BERLIN).rebuild(e.ticketId(), e.observation())).isFalse();
        assertThat(reports(store)).isEqualTo(before);
    }

    @Test
    void oneRebuildAtATimeAndAnInterruptedOneIsResumed() {
        MetricsGenerations building = MetricsGenerations.initial().begin(NOV22, null);
        assertThat(building.begin(NOV22, null)).isEqualTo(building);
        assertThatThrownBy(() -> building.begin(NOV23, null)).hasMessageContaining("in progress");
        assertThatThrownBy(() -> MetricsGenerations.initial().finish()).hasMessageContaining("no rebuild");
        MetricsGenerations abandoned = building.abandon();
        assertThat(abandoned.building()).isNull();
        assertThat(abandoned.begin(NOV22, null).building().generation()).as("never reuses an abandoned generation's items").isEqualTo(2);
        assertThatThrownBy(() -> new MetricsGenerations.Span(1, NOV24, NOV23)).hasMessageContaining("before");
    }
}
