package com.helpdesk.core.metrics;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts the open work (new, open, pending) from the status queues and records it as the backlog of the
 * team day the census runs in, under every dimension value a ticket has now: {@code all#all}, its channel,
 * priority, group and assignee ({@code agent#none}: unassigned). Scheduled just before the team's midnight;
 * a second census of the same day replaces the first, so a re-run is safe.
 */
public final class BacklogCensus {
    static final int PAGE = 100;
    private static final List<Status> WAITING = List.of(Status.NEW, Status.OPEN, Status.PENDING);

    private final TicketRepository tickets;
    private final MetricsStore store;
    private final ZoneId zone;
    private final Clock clock;

    public BacklogCensus(TicketRepository tickets, MetricsStore store, ZoneId zone, Clock clock) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.store = Objects.requireNonNull(store, "store");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes the census now and stores it; answers what was stored (one row per dimension value). */
    public List<Backlog> take() {
        Instant now = clock.instant();
        LocalDate day = now.atZone(zone).toLocalDate();
        Map<String, Tally> tallies = new TreeMap<>();
        for (Status status : WAITING) {
            String cursor = null;
            do {
                TicketPage page = tickets.list(new TicketQuery(status, null, null, null), PAGE, cursor);
                for (Ticket t : page.items()) {
                    // the queue is read page by page while tickets move: count each under the status it has now
                    if (t.status() != status) continue;
                    Backlog.Age age = Backlog.Age.of(Duration.between(t.createdAt(), now).isNegative() ? Duration.ZERO
                            : Duration.between(t.createdAt(), now));
                    for (String dimension : dimensions(t)) tallies.computeIfAbsent(dimension, d -> new Tally()).add(status, age);
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        tallies.computeIfAbsent(AggregateKey.ALL, d -> new Tally());
        List<Backlog> census = new ArrayList<>();
        tallies.forEach((dimension, tally) -> census.add(tally.backlog(day, dimension, now)));
        store.putBacklog(census);
        return census;
    }

    static List<String> dimensions(Ticket t) {
        return List.of(AggregateKey.ALL,
                AggregateKey.dimension("channel", t.channel().wire()),
                AggregateKey.dimension("priority", t.priority().wire()),
                AggregateKey.dimension("group", t.group() == null ? MetricsDefinitions.UNKNOWN : t.group()),
                AggregateKey.dimension("agent", t.assignee() == null ? MetricsDefinitions.UNKNOWN : t.assignee()));
    }

    private static final class Tally {
        private final EnumMap<Status, Long> byStatus = new EnumMap<>(Status.class);
        private final EnumMap<Backlog.Age, Long> byAge = new EnumMap<>(Backlog.Age.class);

        void add(Status status, Backlog.Age age) {
            byStatus.merge(status, 1L, Long::sum);
            byAge.merge(age, 1L, Long::sum);
        }

        Backlog backlog(LocalDate day, String dimension, Instant at) {
            return new Backlog(day, dimension, at, byStatus.getOrDefault(Status.NEW, 0L), byStatus.getOrDefault(Status.OPEN, 0L),
                    byStatus.getOrDefault(Status.PENDING, 0L), byAge);
        }
    }
}
