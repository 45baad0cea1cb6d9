package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;
import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.BusinessTime;
import com.helpdesk.core.sla.SlaSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/metrics.md, "First response in business time": each ticket under the calendar of its SLA policy (as the
 * SLA timer's SlaMet / SlaBreached name it), through core/sla's own BusinessTime arithmetic.
 */
class BusinessFirstResponseTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate NOV30 = LocalDate.parse("2026-11-30");
    private static final LocalDate DEC1 = LocalDate.parse("2026-12-01");
    /** "emea": Mon-Fri 09:00-17:00 Europe/Berlin (the shape of the stack's shipped calendar); no id: around the clock. */
    private static final Function<String, BusinessTime> CALENDARS = id -> "emea".equals(id) ? SlaSettings.shippedCalendar(BERLIN) : AroundTheClock.INSTANCE;

    record Event(String ticketId, Observation observation) {
    }

    private static final List<Event> EVENTS = new ArrayList<>();

    static {
        // K: Friday 17:30 Berlin (after closing); alice answers Monday 09:30 Berlin: 64 h of calendar time, 30 min of business time
        add("tkt_k", "k1", Kind.CREATED, "2026-11-27T16:30:00Z", null, created("email"));
        add("tkt_k", "k2", Kind.MESSAGE, "2026-11-30T08:30:00Z", "alice", reply());
        add("tkt_k", "k3", Kind.SLA, "2026-11-30T08:30:00Z", null, sla("firstResponse", "met", "emea"));
        // L: a policy around the clock (no calendar): 10 min either way
        add("tkt_l", "l1", Kind.CREATED, "2026-11-30T12:00:00Z", null, created("chat"));
        add("tkt_l", "l2", Kind.MESSAGE, "2026-11-30T12:10:00Z", "bob", reply());
        add("tkt_l", "l3", Kind.SLA, "2026-11-30T12:10:00Z", null, sla("firstResponse", "met", null));
        // M: Monday 16:30 Berlin, breached at 16:45 (PT15M), answered Tuesday 09:15: 30 min + 15 min of business time
        add("tkt_m", "m1", Kind.CREATED, "2026-11-30T15:30:00Z", null, created("email"));
        add("tkt_m", "m2", Kind.SLA, "2026-11-30T15:45:00Z", null, sla("firstResponse", "breached", "emea"));
        add("tkt_m", "m3", Kind.MESSAGE, "2026-12-01T08:15:00Z", "alice", reply());
    }

    private static void add(String ticket, String id, Kind kind, String at, String actor, Map<String, String> fields) {
        String actorType = kind == Kind.MESSAGE ? "agent" : kind == Kind.SLA ? "system" : "customer";
        EVENTS.add(new Event(ticket, new Observation("evt_" + id, kind, Instant.parse(at), actorType, actor, fields)));
    }

    private static Map<String, String> created(String channel) {
        return Map.of("channel", channel, "priority", "normal", "status", "new");
    }

    private static Map<String, String> reply() {
        return Map.of("visibility", "public", "authorType", "agent");
    }

    private static Map<String, String> sla(String target, String outcome, String calendar) {
        Map<String, String> f = new HashMap<>(Map.of("target", target, "cycle", "1", "outcome", outcome));
        if (calendar != null) f.put("businessHours", calendar);
        return f;
    }

    private static InMemoryMetricsStore fed(List<Event> events) {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, new MetricsDefinitions(BERLIN, CALENDARS));
        for (Event e : events) service.record(e.ticketId(), e.observation());
        return store;
    }

    private static DailyAggregate day(InMemoryMetricsStore store, LocalDate day, String dimension) {
        return store.aggregates.get(new AggregateKey(day, dimension));
    }

    @Test
    void theWorkedExample() {
        InMemoryMetricsStore store = fed(EVENTS);
        DailyAggregate nov30 = day(store, NOV30, AggregateKey.ALL);
        Distribution calendar = Distribution.of(nov30.durations(DurationMetric.FIRST_RESPONSE));
        assertThat(calendar.count()).as("K 230,400 s, L 600 s").isEqualTo(2);
        assertThat(calendar.median()).isEqualTo(600L);
        assertThat(calendar.p90()).as("within the sketch's 0.1%").isBetween(230_400L - 231, 230_400L);
        assertThat(Durations.recorded(nov30.durations(DurationMetric.FIRST_RESPONSE_BUSINESS))).as("K 1,800 s, L 600 s")
                .containsExactly(new long[]{600, 1}, new long[]{1800, 1});
        assertThat(Distribution.of(nov30.durations(DurationMetric.FIRST_RESPONSE_BUSINESS))).isEqualTo(new Distribution(2, 600L, 1800L, 1800L));
        assertThat(Distribution.of(day(store, DEC1, AggregateKey.ALL).durations(DurationMetric.FIRST_RESPONSE_BUSINESS)))
                .as("M: 16:30-17:00 and 09:00-09:15 Berlin").isEqualTo(new Distribution(1, 2700L, 2700L, 2700L));
        assertThat(Durations.recorded(day(store, DEC1, AggregateKey.ALL).durations(DurationMetric.FIRST_RESPONSE)))
                .as("M: 16 h 45 min of calendar time, within the sketch's resolution").hasSize(1);
        assertThat(Durations.recorded(day(store, NOV30, "agent#alice").durations(DurationMetric.FIRST_RESPONSE_BUSINESS)))
                .containsExactly(new long[]{1800, 1});
    }

    @Test
    void untilTheSlaTimerNamesTheCalendarItIsCalendarTimeThenTheBusinessTimeReplacesIt() {
        List<Event> withoutSla = EVENTS.stream().filter(e -> !e.observation().eventId().equals("evt_k3")).toList();
        DailyAggregate before = day(fed(withoutSla), NOV30, "channel#email");
        assertThat(Distribution.of(before.durations(DurationMetric.FIRST_RESPONSE_BUSINESS))).as("64 h: around the clock")
                .isEqualTo(new Distribution(1, 230_400L, 230_400L, 230_400L));
        DailyAggregate after = day(fed(EVENTS), NOV30, "channel#email");
        assertThat(Durations.recorded(after.durations(DurationMetric.FIRST_RESPONSE_BUSINESS))).containsExactly(new long[]{1800, 1});
    }

    @Test
    void everyEventTwiceAndShuffledGivesTheSameBusinessTimes() {
        InMemoryMetricsStore once = fed(EVENTS);
        for (int seed = 0; seed < 10; seed++) {
            List<Event> twice = new ArrayList<>(EVENTS);
            twice.addAll(EVENTS);
            Collections.shuffle(twice, new Random(seed));
            InMemoryMetricsStore shuffled = fed(twice);
            for (DailyAggregate a : once.aggregates.values()) assertThat(shuffled.aggregates.get(a.key()).sameFigures(a)).as(a.key() + " seed " + seed).isTrue();
        }
    }
}
