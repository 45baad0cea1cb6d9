package com.helpdesk.core.sla;

import com.helpdesk.core.sla.SlaClock.Phase;
import com.helpdesk.core.ticket.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.helpdesk.core.sla.SlaTarget.FIRST_RESPONSE;
import static com.helpdesk.core.sla.SlaTarget.NEXT_RESPONSE;
import static com.helpdesk.core.sla.SlaTarget.RESOLUTION;
import static com.helpdesk.core.sla.TestCalendars.AROUND_THE_CLOCK;
import static com.helpdesk.core.sla.TestCalendars.WEEKDAYS_9_TO_5;
import static com.helpdesk.core.ticket.ActorType.AGENT;
import static com.helpdesk.core.ticket.ActorType.AI;
import static com.helpdesk.core.ticket.ActorType.CUSTOMER;
import static com.helpdesk.core.ticket.ActorType.SYSTEM;
import static com.helpdesk.core.ticket.Visibility.INTERNAL;
import static com.helpdesk.core.ticket.Visibility.PUBLIC;
import static com.helpdesk.core.sla.SlaFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the "Clocks" section, one by one, on a 24/7 calendar unless a test says otherwise. */
class SlaClocksTest {
    @Test
    void aNewTicketGetsItsPolicysClocksFromItsCreationOrReceivedTime() {
        Instant received = at(-7); // the inbound mail was received 7 minutes before the processor created the ticket
        SlaOutcome o = TicketSla.create(STANDARD, AROUND_THE_CLOCK, Status.NEW, received, "TicketCreated");
        assertThat(kinds(o)).containsExactly("firstResponse start", "resolution start");
        assertThat(o.ledger()).allSatisfy(e -> {
            assertThat(e.at()).isEqualTo(received);
            assertThat(e.cause()).isEqualTo("TicketCreated");
        });
        assertThat(o.ledger().get(0).dueAt()).isEqualTo(received.plus(Duration.ofHours(4)));
        assertThat(o.ledger().get(1).dueAt()).isEqualTo(received.plus(Duration.ofHours(24)));
        // nextResponse waits for a customer message after a team reply
        assertThat(o.sla().clocks()).containsOnlyKeys(FIRST_RESPONSE, RESOLUTION);
        assertThat(o.signals()).isEmpty();
        assertThat(o.nextFireAt()).isEqualTo(received.plus(Duration.ofHours(3))); // 75% of firstResponse
    }

    @Test
    void aTicketCreatedPendingStartsPausedAndOneCreatedResolvedHasItsResolutionMet() {
        TicketSla pending = TicketSla.create(STANDARD, AROUND_THE_CLOCK, Status.PENDING, at(0), "TicketCreated").sla();
        assertThat(pending.clocks().values()).allSatisfy(c -> assertThat(c.phase()).isEqualTo(Phase.PAUSED));
        assertThat(pending.nextFireAt()).isNull();
        SlaOutcome resolved = TicketSla.create(STANDARD, AROUND_THE_CLOCK, Status.RESOLVED, at(0), "TicketCreated");
        assertThat(kinds(resolved)).containsExactly("firstResponse start", "resolution start", "resolution met");
        assertThat(resolved.sla().view(at(60))).extractingByKey("resolution").extracting("state").isEqualTo("met");
    }

    @Test
    void firstResponseStopsAtTheFirstPublicReplyOfAnAgent() {
        SlaOutcome o = created(STANDARD, 0).onMessage(AGENT, PUBLIC, at(30), "MessageAdded msg_1");
        assertThat(kinds(o)).containsExactly("firstResponse met");
        SlaClock first = o.sla().clocks().get(FIRST_RESPONSE);
        assertThat(first.phase()).isEqualTo(Phase.MET);
        assertThat(first.elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.ledger().get(0).cause()).isEqualTo("MessageAdded msg_1");
        assertThat(o.ledger().get(0).dueAt()).isNull();
        // a second reply finds nothing left to meet
        assertThat(o.sla().onMessage(AGENT, PUBLIC, at(40), "MessageAdded msg_2").ledger()).isEmpty();
    }

    @Test
    void firstResponseStopsAtTheFirstPublicReplyOfTheAi() {
        SlaOutcome o = created(STANDARD, 0).onMessage(AI, PUBLIC, at(1), "MessageAdded msg_ai");
        assertThat(kinds(o)).containsExactly("firstResponse met");
        assertThat(o.sla().view(at(1))).extractingByKey("firstResponse").extracting("state").isEqualTo("met");
    }

    @Test
    void acknowledgmentsNoticesAndInternalNotesDoNotCountAsResponses() {
        TicketSla sla = created(STANDARD, 0);
        for (SlaOutcome o : List.of(
                sla.onMessage(SYSTEM, PUBLIC, at(1), "MessageAdded msg_ack"),      // acknowledgment / notice
                sla.onMessage(AGENT, INTERNAL, at(2), "MessageAdded msg_note"),    // internal note
                sla.onMessage(AI, INTERNAL, at(3), "MessageAdded msg_ai_note"),
                sla.onMessage(SYSTEM, INTERNAL, at(4), "MessageAdded msg_bounce"))) {
            assertThat(o.ledger()).isEmpty();
            assertThat(o.sla().clocks().get(FIRST_RESPONSE).phase()).isEqualTo(Phase.RUNNING);
            assertThat(o.sla().teamReplied()).isFalse();
        }
        // and a customer writing after a notice has not been answered: no nextResponse cycle
        TicketSla afterAck = sla.onMessage(SYSTEM, PUBLIC, at(1), "ack").sla();
        assertThat(afterAck.onMessage(CUSTOMER, PUBLIC, at(5), "MessageAdded msg_c").sla().clocks()).doesNotContainKey(NEXT_RESPONSE);
    }

    @Test
    void aLateFirstReplyStopsTheClockBreached() {
        SlaOutcome o = created(STANDARD, 0).onMessage(AGENT, PUBLIC, at(5 * 60), "MessageAdded msg_1");
        // the timer had not looked yet: the warning and breach are recorded at the instants they happened, then the stop
        assertThat(kinds(o)).containsExactly("firstResponse warning", "firstResponse breach", "firstResponse met");
        assertThat(o.ledger().get(1).at()).isEqualTo(at(4 * 60));
        assertThat(o.signals()).extracting(SlaSignal::type).containsExactly(SlaSignal.WARNING, SlaSignal.BREACHED);
        Map<String, Object> first = view(o.sla(), at(6 * 60), FIRST_RESPONSE);
        assertThat(first.get("state")).isEqualTo("breached");
        assertThat(first.get("remaining")).isEqualTo("-PT1H");
        assertThat(first.get("dueAt")).isNull();
    }

    @Test
    void nextResponseStartsAtEachCustomerMessageAfterAPublicReplyAndStopsAtTheNextReply() {
        TicketSla sla = created(STANDARD, 0);
        // the customer adding to the request before any reply is still waiting for the first response
        sla = sla.onMessage(CUSTOMER, PUBLIC, at(10), "MessageAdded msg_c1").sla();
        assertThat(sla.clocks()).doesNotContainKey(NEXT_RESPONSE);
        sla = sla.onMessage(AGENT, PUBLIC, at(20), "MessageAdded msg_a1").sla();

        SlaOutcome asked = sla.onMessage(CUSTOMER, PUBLIC, at(60), "MessageAdded msg_c2");
        assertThat(kinds(asked)).containsExactly("nextResponse start");
        assertThat(asked.ledger().get(0).dueAt()).isEqualTo(at(60 + 8 * 60));
        assertThat(asked.sla().clocks().get(NEXT_RESPONSE).cycle()).isEqualTo(1);
        // a second customer message while waiting does not restart the wait
        SlaOutcome again = asked.sla().onMessage(CUSTOMER, PUBLIC, at(90), "MessageAdded msg_c3");
        assertThat(again.ledger()).isEmpty();

        SlaOutcome answered = again.sla().onMessage(AI, PUBLIC, at(150), "MessageAdded msg_ai");
        assertThat(kinds(answered)).containsExactly("nextResponse met");
        assertThat(answered.sla().clocks().get(NEXT_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(90));

        SlaOutcome cycle2 = answered.sla().onMessage(CUSTOMER, PUBLIC, at(200), "MessageAdded msg_c4");
        SlaClock next = cycle2.sla().clocks().get(NEXT_RESPONSE);
        assertThat(next.cycle()).isEqualTo(2);
        assertThat(next.elapsed()).isZero(); // each wait is measured on its own
        assertThat(next.warnedAt()).isNull();
        // an internal note is no answer
        assertThat(cycle2.sla().onMessage(AGENT, INTERNAL, at(210), "note").sla().clocks().get(NEXT_RESPONSE).isRunning()).isTrue();
    }

    @Test
    void resolutionStopsWhenResolved() {
        SlaOutcome o = created(STANDARD, 0).onStatusChanged(Status.RESOLVED, at(120), "StatusChanged open→resolved");
        assertThat(kinds(o)).containsExactly("resolution met");
        assertThat(o.sla().clocks().get(RESOLUTION).elapsed()).isEqualTo(Duration.ofHours(2));
        // resolving does not answer the customer: firstResponse keeps counting
        assertThat(o.sla().clocks().get(FIRST_RESPONSE).isRunning()).isTrue();
    }

    @Test
    void aReopenRestartsResolutionInANewCycleContinuingFromTheElapsedBusinessTime() {
        TicketSla sla = created(STANDARD, 0).onStatusChanged(Status.OPEN, at(0), "StatusChanged new→open").sla();
        sla = sla.onStatusChanged(Status.RESOLVED, at(20 * 60), "StatusChanged open→resolved").sla();
        sla = sla.fire(at(40 * 60)).sla(); // resolved: nothing runs, nothing fires for resolution
        SlaOutcome reopened = sla.onStatusChanged(Status.OPEN, at(50 * 60), "StatusChanged resolved→open");
        SlaClock res = reopened.sla().clocks().get(RESOLUTION);
        assertThat(res.cycle()).isEqualTo(2);
        assertThat(res.elapsed()).isEqualTo(Duration.ofHours(20));
        assertThat(res.dueAt()).isEqualTo(at(50 * 60 + 4 * 60)); // 24h target, 20h spent: 4h left
        // 20h is past 75% of 24h: the new cycle's warning is due at once
        assertThat(kinds(reopened)).containsExactly("resolution start", "resolution warning");
        assertThat(reopened.signals()).singleElement().satisfies(s -> {
            assertThat(s.cycle()).isEqualTo(2);
            assertThat(s.at()).isEqualTo(at(50 * 60));
        });
    }

    @Test
    void pendingPausesEveryRunningClockAndOpenResumesThemWithoutCountingThePause() {
        TicketSla sla = created(STANDARD, 0).onMessage(AGENT, PUBLIC, at(10), "reply").sla()
                .onMessage(CUSTOMER, PUBLIC, at(20), "msg").sla(); // nextResponse running, 10 min in at 30
        SlaOutcome paused = sla.onStatusChanged(Status.PENDING, at(30), "StatusChanged new→pending");
        assertThat(kinds(paused)).containsExactly("nextResponse pause", "resolution pause");
        assertThat(paused.ledger()).allSatisfy(e -> assertThat(e.dueAt()).isNull());
        assertThat(paused.nextFireAt()).isNull();
        assertThat(view(paused.sla(), at(30 + 600), RESOLUTION)).containsEntry("state", "paused").containsEntry("remaining", "PT23H30M")
                .containsEntry("dueAt", null);
        assertThat(paused.sla().fire(at(30 + 24 * 60)).ledger()).isEmpty(); // a paused clock never breaches

        SlaOutcome resumed = paused.sla().onStatusChanged(Status.OPEN, at(30 + 600), "StatusChanged pending→open");
        assertThat(kinds(resumed)).containsExactly("nextResponse resume", "resolution resume");
        SlaClock res = resumed.sla().clocks().get(RESOLUTION);
        assertThat(res.elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(res.dueAt()).isEqualTo(at(630 + 23 * 60 + 30));
        assertThat(resumed.sla().clocks().get(NEXT_RESPONSE).dueAt()).isEqualTo(at(630 + 8 * 60 - 10));
    }

    @Test
    void pendingToResolvedMeetsResolutionAndResumesTheResponseClocks() {
        TicketSla sla = created(STANDARD, 0).onStatusChanged(Status.PENDING, at(60), "to pending").sla();
        SlaOutcome o = sla.onStatusChanged(Status.RESOLVED, at(120), "StatusChanged pending→resolved");
        assertThat(kinds(o)).containsExactly("resolution met", "firstResponse resume");
        assertThat(o.sla().clocks().get(RESOLUTION).elapsed()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMergedSourcesClocksStopAsCancelledAndNothingMovesThemAfterwards() {
        TicketSla sla = created(STANDARD, 0).onStatusChanged(Status.PENDING, at(10), "pending").sla();
        SlaOutcome merged = sla.onMerged(at(20), "Merged into #1001");
        assertThat(kinds(merged)).containsExactly("firstResponse cancel", "resolution cancel");
        assertThat(merged.sla().view(at(30)).values()).allSatisfy(v -> assertThat(((Map<?, ?>) v).get("state")).isEqualTo("cancelled"));
        TicketSla after = merged.sla();
        assertThat(after.onStatusChanged(Status.CLOSED, at(20), "StatusChanged pending→closed").ledger()).isEmpty();
        assertThat(after.onMessage(AGENT, PUBLIC, at(30), "late").ledger()).isEmpty();
        assertThat(after.fire(at(100 * 60)).ledger()).isEmpty();
        assertThat(after.nextFireAt()).isNull();
    }

    @Test
    void closingStopsEverything() {
        TicketSla sla = created(STANDARD, 0).onMessage(AGENT, PUBLIC, at(5), "r").sla()
                .onMessage(CUSTOMER, PUBLIC, at(10), "c").sla();
        SlaOutcome closed = sla.onStatusChanged(Status.CLOSED, at(60), "StatusChanged open→closed");
        // closing an unresolved ticket resolves it (lifecycle: resolvedAt is set); a wait nobody answered is cancelled
        assertThat(kinds(closed)).containsExactly("nextResponse cancel", "resolution met");
        assertThat(closed.sla().status()).isEqualTo(Status.CLOSED);
        assertThat(closed.sla().clocks().values()).noneMatch(SlaClock::isOpen);
        assertThat(closed.nextFireAt()).isNull();
        assertThat(closed.sla().fire(at(100 * 60)).ledger()).isEmpty();
        assertThat(closed.sla().onStatusChanged(Status.OPEN, at(70), "x").ledger()).isEmpty();
    }

    @Test
    void underBusinessHoursAClockCountsOnlyOpeningHours() {
        SlaPolicy office = policy("office", "weekdays", Duration.ofHours(1), null, Duration.ofHours(16));
        Instant friday1630 = Instant.parse("2026-12-04T16:30:00Z");
        SlaOutcome o = TicketSla.create(office, WEEKDAYS_9_TO_5, Status.NEW, friday1630, "TicketCreated");
        assertThat(o.sla().clocks().get(FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(o.nextFireAt()).isEqualTo(Instant.parse("2026-12-07T09:15:00Z")); // 45 of 60 business minutes
        Map<String, Object> weekend = view(o.sla(), Instant.parse("2026-12-06T12:00:00Z"), FIRST_RESPONSE);
        assertThat(weekend).containsEntry("remaining", "PT30M").containsEntry("state", "active");
        // a reply on Monday 09:10 took 40 business minutes
        SlaOutcome met = o.sla().onMessage(AGENT, PUBLIC, Instant.parse("2026-12-07T09:10:00Z"), "r");
        assertThat(met.sla().clocks().get(FIRST_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(40));
    }
}
