package com.helpdesk.core.metrics;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InMemoryTicketRepository;
import com.helpdesk.core.service.MutableClock;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.TicketChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-of-day backlog: counted from the status queues by status and age, under each dimension, and shown per report row. */
class BacklogCensusTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate NOV22 = LocalDate.parse("2026-11-22");
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    private static final Actor ALICE = Actor.agent("alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-12T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketCommands commands = TicketDesk.wire(repo, new UlidGenerator(clock), clock).commands();
    private final InMemoryMetricsStore store = new InMemoryMetricsStore();
    private final BacklogCensus census = new BacklogCensus(repo, store, BERLIN, clock);

    private String open(Channel channel, Priority priority, Status status, String assignee, String group) {
        return commands.create(new NewTicket("Where is my parcel?", Requester.of("requester", "jane@example.com", null, "Jane", null), channel,
                priority, null, assignee, group, status, "hello", null, null, null), ALICE, null).thread().ticket().id();
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    /** Nov 12: an old new ticket; Nov 20: alice's open chat; Nov 22: a pending phone call of tier2 and a ticket resolved the same day. */
    private void tickets() {
        open(Channel.EMAIL, Priority.NORMAL, null, null, null);
        at("2026-11-20T12:00:00Z");
        open(Channel.CHAT, Priority.HIGH, Status.OPEN, "alice", null);
        at("2026-11-22T15:00:00Z");
        open(Channel.PHONE, Priority.NORMAL, Status.PENDING, null, "tier2");
        String done = open(Channel.EMAIL, Priority.NORMAL, Status.OPEN, "alice", null);
        commands.update(done, new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(), ALICE);
    }

    private static Map<String, Backlog> byDimension(List<Backlog> census) {
        return census.stream().collect(Collectors.toMap(Backlog::dimension, Function.identity()));
    }

    @Test
    void theCensusCountsWaitingTicketsByStatusAndAgeUnderEachDimension() {
        tickets();
        at("2026-11-22T22:59:00Z"); // 23:59 in Berlin: the end of Nov 22
        Map<String, Backlog> b = byDimension(census.take());

        Backlog all = b.get("all#all");
        assertThat(all.day()).isEqualTo(NOV22);
        assertThat(List.of(all.fresh(), all.open(), all.pending(), all.total())).containsExactly(1L, 1L, 1L, 3L);
        assertThat(all.count(Backlog.Age.UNDER_1_DAY)).isEqualTo(1); // the pending call, 8 hours old
        assertThat(all.count(Backlog.Age.DAYS_1_TO_3)).isEqualTo(1); // the chat, 2 days 11 hours
        assertThat(all.count(Backlog.Age.DAYS_3_TO_7)).isZero();
        assertThat(all.count(Backlog.Age.OVER_7_DAYS)).isEqualTo(1); // the email of Nov 12
        assertThat(b.get("agent#alice").total()).isEqualTo(1); // the resolved ticket is not waiting
        assertThat(b.get("agent#none").total()).isEqualTo(2);
        assertThat(b.get("group#tier2").pending()).isEqualTo(1);
        assertThat(b.get("channel#chat").open()).isEqualTo(1);
        assertThat(b.get("priority#high").total()).isEqualTo(1);
        assertThat(b).doesNotContainKey("channel#web");
    }

    @Test
    void aCensusIsTheTeamsDayAndASecondCensusOfTheDayReplacesTheFirst() {
        tickets();
        at("2026-11-22T23:30:00Z"); // 00:30 on Nov 23 in Berlin
        assertThat(census.take().get(0).day()).isEqualTo(NOV23);
        open(Channel.EMAIL, Priority.LOW, null, null, null);
        census.take();
        assertThat(store.backlog(List.of(NOV23), "all", "all")).singleElement().satisfies(b -> assertThat(b.total()).isEqualTo(4));
    }

    @Test
    void anEmptyDeskStillRecordsAZeroBacklog() {
        at("2026-11-22T22:59:00Z");
        assertThat(census.take()).singleElement().satisfies(b -> {
            assertThat(b.dimension()).isEqualTo("all#all");
            assertThat(b.total()).isZero();
        });
    }

    @Test
    void everyPageOfTheQueuesIsCounted() {
        for (int i = 0; i < BacklogCensus.PAGE * 2 + 7; i++) open(Channel.EMAIL, Priority.NORMAL, Status.OPEN, null, null);
        at("2026-11-22T22:59:00Z");
        assertThat(byDimension(census.take()).get("all#all").open()).isEqualTo(BacklogCensus.PAGE * 2 + 7);
    }

    @Test
    void reportRowsCarryTheCensusOfTheirLastDay() {
        tickets();
        at("2026-11-22T22:59:00Z");
        census.take();
        at("2026-11-23T22:59:00Z");
        open(Channel.CHAT, Priority.NORMAL, Status.OPEN, "bob", null);
        census.take();
        MetricsQuery query = new MetricsQuery(store, BERLIN);

        var days = query.report(new MetricsRequest(NOV22, NOV23, MetricsRequest.GroupBy.DAY, null, null)).rows();
        assertThat(days).extracting(r -> r.backlog().total()).containsExactly(3L, 4L);

        var week = query.report(new MetricsRequest(NOV22, NOV23, MetricsRequest.GroupBy.WEEK, null, null)).rows();
        assertThat(week).extracting(MetricsRow::key).containsExactly("2026-W47", "2026-W48");
        assertThat(week).extracting(r -> r.backlog().total()).containsExactly(3L, 4L);

        var channels = query.report(new MetricsRequest(NOV22, NOV23, MetricsRequest.GroupBy.CHANNEL, null, null)).rows();
        assertThat(channels).filteredOn(r -> r.key().equals("chat")).singleElement()
                .satisfies(r -> assertThat(r.backlog().open()).isEqualTo(2));

        var agents = query.agents(NOV22, NOV23).rows();
        assertThat(agents).extracting(MetricsRow::key).contains("alice", "bob").doesNotContain("none");
        assertThat(agents).filteredOn(r -> r.key().equals("bob")).singleElement().satisfies(r -> assertThat(r.backlog().total()).isEqualTo(1));
    }

    @Test
    void aDayWithoutCensusHasNoBacklog() {
        var days = new MetricsQuery(store, BERLIN).report(new MetricsRequest(NOV22, NOV22, MetricsRequest.GroupBy.DAY, null, null)).rows();
        assertThat(days).singleElement().satisfies(r -> assertThat(r.backlog()).isNull());
    }
}
