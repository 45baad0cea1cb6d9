package com.helpdesk.core.sla;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.helpdesk.core.sla.SlaFixtures.MON_9;
import static com.helpdesk.core.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The timer over in-memory stores: event mapping, idempotency, firing and breach actions. */
class SlaTimerTest {
    private final InMemorySlaStores stores = new InMemorySlaStores();
    private final List<String> actions = new ArrayList<>();
    private final List<String> notApplied = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final SlaSettings settings = new SlaSettings(stores, ZoneOffset.UTC);
    /** The tickets' status as the ticket service has it now (open unless a test says otherwise). */
    private final Map<String, Status> statusNow = new HashMap<>();
    private final SlaTimer timer = new SlaTimer(settings, stores, new SlaActions() {
        @Override public Optional<Status> statusNow(String ticketId) { return Optional.of(statusNow.getOrDefault(ticketId, Status.OPEN)); }
        @Override public void escalate(String ticketId, String group, String reason) { actions.add("escalate " + ticketId + " " + group + " " + reason); }
        @Override public void tag(String ticketId, String tag) { actions.add("tag " + ticketId + " " + tag); }
        @Override public void notApplied(String ticketId, String reason) { notApplied.add(ticketId + ": " + reason); }
    }, prefix -> prefix + "_" + ids.incrementAndGet());

    SlaTimerTest() {
        stores.savePolicy(SlaPolicyWire.parse("urgent", Map.of("name", "Urgent", "order", 1,
                "match", Map.of("priority", List.of("urgent")),
                "targets", Map.of("firstResponse", "PT1H", "resolution", "PT8H"),
                "onBreach", Map.of("escalate", true, "group", "tier2", "tag", "sla-breached"))));
    }

    private static DomainEvent event(String id, String type, Instant at, Map<String, Object> data) {
        return new DomainEvent(id, type, "tkt_1", 1001, at, Actor.agent("alice"), data);
    }

    private static DomainEvent created(String priority, Instant at) {
        return event("evt_created", "TicketCreated", at, Map.of("status", "new", "priority", priority, "channel", "email", "tags", List.of()));
    }

    private List<String> ledger() {
        return stores.ledger("tkt_1").stream().map(e -> e.target().wire() + " " + e.kind().wire()).toList();
    }

    @Test
    void anUrgentTicketWarnsThenBreachesOnceAndTheBreachEscalatesOnce() {
        assertThat(timer.apply(created("urgent", MON_9))).isEqualTo(SlaTimer.Result.APPLIED);
        assertThat(stores.due.get("tkt_1")).isEqualTo(at(45));
        assertThat(timer.sweep(at(30), 100)).isZero();
        assertThat(timer.sweep(at(50), 100)).isEqualTo(1);
        assertThat(timer.sweep(at(50), 100)).as("the same minute again fires nothing").isZero();
        assertThat(timer.sweep(at(61), 100)).isEqualTo(1);
        assertThat(stores.outbox).extracting(DomainEvent::type).containsExactly("SlaWarning", "SlaBreached");
        DomainEvent breach = stores.outbox.get(1);
        assertThat(breach.occurredAt()).as("stamped when crossed, not when swept").isEqualTo(at(60));
        assertThat(breach.detail()).containsEntry("target", "firstResponse").containsEntry("policy", "urgent");

        assertThat(timer.apply(breach)).isEqualTo(SlaTimer.Result.IGNORED);
        assertThat(timer.apply(breach)).isEqualTo(SlaTimer.Result.DUPLICATE);
        assertThat(actions).containsExactly(
                "escalate tkt_1 tier2 SLA breached: firstResponse PT1H (policy urgent)", "tag tkt_1 sla-breached");
        assertThat(ledger()).containsExactly("firstResponse start", "resolution start", "firstResponse warning", "firstResponse breach");
    }

    @Test
    void duplicateAndOutOfOrderEventsApplyOnce() {
        DomainEvent reply = event("evt_reply", "MessageAdded", at(20),
                Map.of("messageId", "msg_2", "visibility", "public", "authorType", "agent", "channel", "email"));
        assertThat(timer.apply(reply)).as("before TicketCreated: retried later").isEqualTo(SlaTimer.Result.WAITING);
        timer.apply(created("urgent", MON_9));
        assertThat(timer.apply(created("urgent", MON_9))).isEqualTo(SlaTimer.Result.DUPLICATE);
        assertThat(timer.apply(reply)).isEqualTo(SlaTimer.Result.APPLIED);
        assertThat(timer.apply(reply)).isEqualTo(SlaTimer.Result.DUPLICATE);
        assertThat(ledger()).containsExactly("firstResponse start", "resolution start", "firstResponse met");
        assertThat(stores.due.get("tkt_1")).as("resolution warns at 6 h").isEqualTo(at(6 * 60));
    }

    @Test
    void theFirstMessageIsPartOfTheCreationNotAReply() {
        timer.apply(created("urgent", MON_9));
        timer.apply(event("evt_first", "MessageAdded", MON_9,
                Map.of("messageId", "msg_1", "visibility", "public", "authorType", "agent", "channel", "email")));
        assertThat(ledger()).containsExactly("firstResponse start", "resolution start");
    }

    @Test
    void pendingPausesAndAPriorityChangeReselectsThePolicy() {
        timer.apply(created("normal", MON_9));
        assertThat(stores.tickets.get("tkt_1").state().toString()).contains("id=default");
        timer.apply(event("evt_p", "StatusChanged", at(10), Map.of("field", "status", "from", "new", "to", "pending")));
        assertThat(stores.due).as("paused clocks have nothing to fire").doesNotContainKey("tkt_1");
        timer.apply(event("evt_o", "StatusChanged", at(70), Map.of("field", "status", "from", "pending", "to", "open")));
        timer.apply(event("evt_u", "PriorityChanged", at(80), Map.of("field", "priority", "from", "normal", "to", "urgent")));
        assertThat(ledger()).contains("firstResponse pause", "firstResponse resume", "firstResponse retarget");
        assertThat(stores.tickets.get("tkt_1").facts().priority().wire()).isEqualTo("urgent");
        // 10 min before the pause + 10 min after it: 20 min of the urgent PT1H spent at 80, warning at 45 min spent
        assertThat(stores.due.get("tkt_1")).isEqualTo(at(105));
    }

    @Test
    void aConcurrentWriteIsRetriedOnTheNewState() {
        timer.apply(created("urgent", MON_9));
        DomainEvent pending = event("evt_p", "StatusChanged", at(10), Map.of("field", "status", "from", "new", "to", "pending"));
        boolean[] once = {true};
        stores.beforeSave = () -> {
            if (once[0]) {
                once[0] = false;
                assertThat(timer.fire("tkt_1", at(50))).isTrue(); // the sweep wins the race
            }
        };
        assertThat(timer.apply(pending)).isEqualTo(SlaTimer.Result.APPLIED);
        assertThat(ledger()).containsExactly("firstResponse start", "resolution start", "firstResponse warning",
                "firstResponse pause", "resolution pause");
        assertThat(stores.outbox).extracting(DomainEvent::type).containsExactly("SlaWarning");
    }

    @Test
    void aMergedSourceCancelsAndIgnoresWhatFollows() {
        timer.apply(created("urgent", MON_9));
        timer.apply(event("evt_m", "Merged", at(5), Map.of("role", "source", "target", Map.of("id", "tkt_9", "number", 1009))));
        assertThat(ledger()).containsExactly("firstResponse start", "resolution start", "firstResponse cancel", "resolution cancel");
        assertThat(stores.due).doesNotContainKey("tkt_1");
        assertThat(timer.sweep(at(600), 100)).isZero();
    }

    @Test
    void aBreachOnAClosedTicketIsRememberedWithoutActing() {
        SlaTimer refusing = new SlaTimer(settings, stores, new SlaActions() {
            @Override public Optional<Status> statusNow(String t) { return Optional.of(Status.OPEN); }
            @Override public void escalate(String t, String g, String r) { throw new StateConflictException("ticket-closed", "closed"); }
            @Override public void tag(String t, String tag) { actions.add("tag"); }
            @Override public void notApplied(String t, String reason) { notApplied.add(t + ": " + reason); }
        }, p -> p + "_" + ids.incrementAndGet());
        refusing.apply(created("urgent", MON_9));
        refusing.sweep(at(61), 10);
        DomainEvent breach = stores.outbox.get(1);
        assertThat(refusing.apply(breach)).isEqualTo(SlaTimer.Result.IGNORED);
        assertThat(notApplied).as("reported, not swallowed").containsExactly("tkt_1: the ticket refused it: closed");
        assertThat(refusing.apply(breach)).isEqualTo(SlaTimer.Result.DUPLICATE);
        assertThat(stores.tickets.get("tkt_1").appliedEvents()).contains(breach.id());
    }

    @Test
    void aBreachOnATicketResolvedMeanwhileIsRecordedButDoesNotReopenIt() {
        timer.apply(created("urgent", MON_9));
        timer.apply(event("evt_r", "StatusChanged", at(20), Map.of("field", "status", "from", "new", "to", "resolved")));
        statusNow.put("tkt_1", Status.RESOLVED);
        timer.sweep(at(61), 10);
        DomainEvent breach = stores.outbox.get(stores.outbox.size() - 1);
        assertThat(breach.type()).as("firstResponse kept counting: nobody answered").isEqualTo("SlaBreached");
        assertThat(timer.apply(breach)).isEqualTo(SlaTimer.Result.IGNORED);
        assertThat(actions).isEmpty();
        assertThat(notApplied).containsExactly("tkt_1: the ticket is resolved");
        assertThat(timer.apply(breach)).isEqualTo(SlaTimer.Result.DUPLICATE);
    }

    @Test
    void aBreachIsJudgedOnTheTicketAsItIsNowNotAsTheClocksLastHeard() {
        timer.apply(created("urgent", MON_9));
        timer.sweep(at(61), 10);
        DomainEvent breach = stores.outbox.get(stores.outbox.size() - 1);
        statusNow.put("tkt_1", Status.RESOLVED); // resolved, its StatusChanged still on its way to the clocks
        assertThat(timer.apply(breach)).isEqualTo(SlaTimer.Result.IGNORED);
        assertThat(actions).as("a resolve not yet applied to the clocks is never undone").isEmpty();
        statusNow.put("tkt_1", Status.OPEN);
        assertThat(timer.apply(breach)).as("acted on once, remembered").isEqualTo(SlaTimer.Result.DUPLICATE);
    }

    @Test
    void aBreachOnAMissingTicketActsOnNothing() {
        SlaTimer noTicket = new SlaTimer(settings, stores, new SlaActions() {
            @Override
            public void notApplied(String ticketId, String reason) {
            }

            @Override public Optional<Status> statusNow(String t) { return Optional.empty(); }
            @Override public void escalate(String t, String g, String r) { actions.add("escalate"); }
            @Override public void tag(String t, String tag) { actions.add("tag"); }
        }, p -> p + "_" + ids.incrementAndGet());
        noTicket.apply(created("urgent", MON_9));
        noTicket.sweep(at(61), 10);
        assertThat(noTicket.apply(stores.outbox.get(stores.outbox.size() - 1))).isEqualTo(SlaTimer.Result.IGNORED);
        assertThat(actions).isEmpty();
    }

    @Test
    void aCalendarPolicyRunsOnBusinessTime() {
        stores.saveCalendar(SlaSettings.shippedCalendar(ZoneOffset.UTC));
        stores.savePolicy(SlaPolicyWire.parse("office", Map.of("name", "Office", "order", 0,
                "match", Map.of("priority", List.of("low")), "businessHours", "default",
                "targets", Map.of("firstResponse", "PT1H"))));
        Instant friday1630 = Instant.parse("2026-12-04T16:30:00Z");
        timer.apply(created("low", friday1630));
        // 30 min Friday, 45 min spent at Monday 09:15
        assertThat(stores.due.get("tkt_1")).isEqualTo(Instant.parse("2026-12-07T09:15:00Z"));
        assertThat(Duration.between(friday1630, stores.due.get("tkt_1"))).isGreaterThan(Duration.ofDays(2));
    }

    @Test
    void aHolidayAddedAfterTheClocksStartedMovesTheirDueTime() {
        BusinessCalendar office = SlaSettings.shippedCalendar(ZoneOffset.UTC);
        stores.saveCalendar(office);
        stores.savePolicy(SlaPolicyWire.parse("office", Map.of("name", "Office", "order", 0,
                "match", Map.of("priority", List.of("low")), "businessHours", "default",
                "targets", Map.of("firstResponse", "PT4H"))));
        timer.apply(created("low", MON_9)); // due Monday 13:00, warning at 3 h spent: Monday 12:00
        // at 10:00 the office closes for the day: the admin adds today as a holiday
        stores.saveCalendar(new BusinessCalendar("default", office.name(), office.zone(), office.weekly(),
                List.of(LocalDate.of(2026, 11, 30))));
        Instant tue12 = Instant.parse("2026-12-01T12:00:00Z"), tue13 = Instant.parse("2026-12-01T13:00:00Z");

        assertThat(timer.sweep(at(3 * 60), 100)).as("Monday 12:00: nothing spent yet").isZero();
        assertThat(stores.due.get("tkt_1")).as("the index follows the calendar, not the stale warning time").isEqualTo(tue12);
        assertThat(timer.sweep(tue12, 100)).isEqualTo(1);
        assertThat(stores.outbox).extracting(DomainEvent::type).as("3 h spent: a warning, no breach").containsExactly("SlaWarning");
        assertThat(stores.due.get("tkt_1")).isEqualTo(tue13);
        assertThat(timer.sweep(tue13, 100)).isEqualTo(1);
        assertThat(stores.outbox.get(1).occurredAt()).as("4 h of business time spent on Tuesday").isEqualTo(tue13);
        assertThat(ledger()).containsExactly("firstResponse start", "firstResponse warning", "firstResponse breach");
        assertThat(stores.ledger("tkt_1").get(2).elapsed()).isEqualTo(Duration.ofHours(4));
    }
}
