package com.helpdesk.core.sla;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.helpdesk.core.sla.SlaFixtures.MON_9;
import static com.helpdesk.core.sla.SlaFixtures.URGENT;
import static com.helpdesk.core.sla.SlaFixtures.at;
import static com.helpdesk.core.sla.SlaFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ticket's clocks as GET /tickets/{id} shows them (computed at read time), and the breaching-soon view's input checks. */
class TicketSlaQueriesTest {
    private final InMemorySlaStores stores = new InMemorySlaStores();
    private final SlaSettings settings = new SlaSettings(stores, ZoneOffset.UTC);
    private Map<String, Object> state = Map.of();
    private final List<Instant> asked = new ArrayList<>();

    private final SlaTicketReads reads = new SlaTicketReads() {
        @Override
        public Optional<ThreadWithSla> threadWithSla(String ticketId) {
            if (!ticketId.equals("tkt_1")) return Optional.empty();
            Ticket t = Ticket.builder().id("tkt_1").number(1001).subject("Where is my order?").status(Status.OPEN)
                    .priority(Priority.URGENT).channel(Channel.EMAIL).requester(Requester.of("requester", "jane@example.com", null, "Jane", null))
                    .createdAt(MON_9).updatedAt(MON_9).version(1).lastMessageAt(MON_9).messageCount(1).build();
            return Optional.of(new ThreadWithSla(new TicketThread(t, List.of()), state));
        }

        @Override
        public DuePage dueBefore(Instant before, int limit, String cursor) {
            asked.add(before);
            return new DuePage(List.of(), null);
        }
    };

    private TicketSlaQueries readAt(Instant now) {
        return new TicketSlaQueries(reads, settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(TicketSlaQueries.Shown shown, String target) {
        return (Map<String, Object>) shown.sla().get(target);
    }

    @Test
    void remainingIsBusinessTimeAtTheMomentOfTheRead() {
        state = TicketSlaWire.toWire(SlaFixtures.created(URGENT, 0));
        TicketSlaQueries.Shown early = readAt(at(20)).get("tkt_1");
        assertThat(early.running()).isTrue();
        assertThat(target(early, "firstResponse")).containsEntry("state", "active").containsEntry("remaining", "PT40M")
                .containsEntry("dueAt", at(60).toString()).containsEntry("policy", "urgent").containsEntry("businessHours", null);
        TicketSlaQueries.Shown late = readAt(at(90)).get("tkt_1");
        assertThat(target(late, "firstResponse")).as("nothing stored changed: only the read's time")
                .containsEntry("state", "breached").containsEntry("remaining", "-PT30M").containsEntry("dueAt", at(60).toString());
        assertThat(target(late, "resolution")).containsEntry("state", "active").containsEntry("remaining", "PT6H30M");
    }

    @Test
    void aCalendarPolicyCountsOnlyOpeningHoursAtReadTime() {
        stores.saveCalendar(SlaSettings.shippedCalendar(ZoneOffset.UTC)); // Mon-Fri 09:00-17:00 UTC
        BusinessTime office = settings.businessTime(SlaSettings.DEFAULT_CALENDAR);
        SlaPolicy policy = policy("office", SlaSettings.DEFAULT_CALENDAR, Duration.ofHours(2), null, null);
        Instant friday16 = Instant.parse("2026-12-04T16:00:00Z");
        state = TicketSlaWire.toWire(TicketSla.create(policy, office, Status.OPEN, friday16, "TicketCreated").sla());
        TicketSlaQueries.Shown sunday = readAt(Instant.parse("2026-12-06T12:00:00Z")).get("tkt_1");
        assertThat(target(sunday, "firstResponse")).as("1 h spent Friday; the weekend counts nothing")
                .containsEntry("remaining", "PT1H").containsEntry("dueAt", "2026-12-07T10:00:00Z").containsEntry("businessHours", "default");
    }

    @Test
    void stoppedClocksAreNotRunningAndATicketWithoutClocksShowsNone() {
        TicketSla met = SlaFixtures.created(URGENT, 0).onMessage(ActorType.AGENT, Visibility.PUBLIC, at(10), "reply").sla()
                .onStatusChanged(Status.PENDING, at(11), "pending").sla();
        state = TicketSlaWire.toWire(met);
        TicketSlaQueries.Shown shown = readAt(at(30)).get("tkt_1");
        assertThat(shown.running()).isFalse();
        assertThat(target(shown, "firstResponse")).containsEntry("state", "met").containsEntry("dueAt", null);
        assertThat(target(shown, "resolution")).containsEntry("state", "paused").containsEntry("remaining", "PT7H49M");
        state = Map.of();
        assertThat(readAt(at(30)).get("tkt_1").sla()).isEmpty();
        assertThatThrownBy(() -> readAt(at(30)).get("tkt_2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theViewTakesAnInstantWithAnOffsetAndABoundedPage() {
        readAt(MON_9).dueBefore("2026-12-07T10:00:00+01:00", null, " ");
        assertThat(asked).containsExactly(Instant.parse("2026-12-07T09:00:00Z"));
        for (String bad : new String[]{null, "", "tomorrow", "2026-12-07", "2026-12-07T10:00:00", "2026-12-07T25:00:00Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> readAt(MON_9).dueBefore(bad, null, null)).as(bad).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).errors().get(0).field()).isEqualTo("slaDueBefore");
        }
        assertThatThrownBy(() -> readAt(MON_9).dueBefore("2026-12-07T10:00:00Z", 101, null)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors().get(0).field()).isEqualTo("limit");
    }

    @Test
    void theViewKeyIsTheEarliestRunningDueTimeAndNoneWhenNothingRuns() {
        TicketSla sla = SlaFixtures.created(URGENT, 0);
        assertThat(sla.nextDueAt()).isEqualTo(at(60));
        TicketSla replied = sla.onMessage(ActorType.AGENT, Visibility.PUBLIC, at(10), "reply").sla();
        assertThat(replied.nextDueAt()).as("firstResponse met: resolution's").isEqualTo(at(8 * 60));
        assertThat(replied.onStatusChanged(Status.PENDING, at(11), "pending").sla().nextDueAt()).as("paused").isNull();
        SlaTimer timer = new SlaTimer(settings, stores, new SlaActions() {
            @Override
            public void notApplied(String ticketId, String reason) {
            }

            @Override public Optional<Status> statusNow(String t) { return Optional.of(Status.OPEN); }
            @Override public void escalate(String t, String g, String r) { }
            @Override public void tag(String t, String tag) { }
        }, p -> p + "_" + asked.size() + System.nanoTime());
        timer.apply(new com.helpdesk.core.event.DomainEvent("evt_c", "TicketCreated", "tkt_1", 1001, MON_9,
                com.helpdesk.core.ticket.Actor.agent("alice"), Map.of("status", "new", "priority", "low", "channel", "email", "tags", List.of())));
        assertThat(stores.dueView).as("the built-in default: firstResponse PT8H").containsEntry("tkt_1", MON_9.plus(Duration.ofHours(8)));
        timer.apply(new com.helpdesk.core.event.DomainEvent("evt_p", "StatusChanged", "tkt_1", 1001, at(5),
                com.helpdesk.core.ticket.Actor.agent("alice"), Map.of("field", "status", "from", "new", "to", "pending")));
        assertThat(stores.dueView).as("every clock paused: out of the view").doesNotContainKey("tkt_1");
    }
}
