package com.helpdesk.core.sla;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.helpdesk.core.sla.SlaTarget.FIRST_RESPONSE;
import static com.helpdesk.core.ticket.ActorType.AGENT;
import static com.helpdesk.core.ticket.Visibility.PUBLIC;
import static com.helpdesk.core.sla.SlaFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Warnings and breaches once per cycle, the ledger and the explainable view. */
class SlaFiringTest {
    @Test
    void firingWarnsAtWarnAtAndBreachesAtTheTargetEachOncePerCycle() {
        TicketSla sla = created(URGENT, 0); // firstResponse 1h: warn at 45 min
        assertThat(sla.nextFireAt()).isEqualTo(at(45));
        assertThat(sla.fire(at(44)).ledger()).isEmpty();

        SlaOutcome warned = sla.fire(at(45));
        assertThat(kinds(warned)).containsExactly("firstResponse warning");
        SlaSignal warning = warned.signals().get(0);
        assertThat(warning.dedupeKey()).isEqualTo("firstResponse#1#SlaWarning");
        assertThat(warning.detail()).containsEntry("at", at(45).toString()).containsEntry("dueAt", at(60).toString())
                .containsEntry("targetDuration", "PT1H").doesNotContainKey("onBreach");
        assertThat(warned.nextFireAt()).isEqualTo(at(60));
        // firing again, at the same or a later instant before the breach, emits nothing new
        assertThat(warned.sla().fire(at(45)).ledger()).isEmpty();
        assertThat(warned.sla().fire(at(59)).signals()).isEmpty();

        SlaOutcome breached = warned.sla().fire(at(61));
        assertThat(kinds(breached)).containsExactly("firstResponse breach");
        assertThat(breached.signals().get(0).at()).isEqualTo(at(60));
        assertThat(breached.signals().get(0).detail()).containsEntry("onBreach", Map.of("escalate", true, "group", "tier2", "tag", "sla-breached"));
        assertThat(breached.sla().fire(at(61)).ledger()).isEmpty();
        assertThat(breached.sla().fire(at(600)).signals()).extracting(SlaSignal::target).doesNotContain(FIRST_RESPONSE);
    }

    @Test
    void aLateTimerEmitsTheWarningBeforeTheBreachStampedWhenEachHappened() {
        SlaOutcome o = created(URGENT, 0).fire(at(24 * 60));
        assertThat(kinds(o)).containsExactly("firstResponse warning", "firstResponse breach", "resolution warning", "resolution breach");
        assertThat(o.ledger()).extracting(SlaLedgerEntry::at).containsExactly(at(45), at(60), at(360), at(480));
        assertThat(o.signals()).extracting(SlaSignal::type)
                .containsExactly(SlaSignal.WARNING, SlaSignal.BREACHED, SlaSignal.WARNING, SlaSignal.BREACHED);
        assertThat(o.nextFireAt()).isNull();
        assertThat(o.sla().fire(at(24 * 60)).ledger()).isEmpty();
    }

    @Test
    void aBreachedClockKeepsCountingUntilItIsMet() {
        SlaOutcome breached = created(URGENT, 0).fire(at(61));
        SlaClock first = breached.sla().clocks().get(FIRST_RESPONSE);
        assertThat(first.isRunning()).isTrue();
        Map<String, Object> view = view(breached.sla(), at(90), FIRST_RESPONSE);
        assertThat(view).containsEntry("state", "breached").containsEntry("remaining", "-PT30M").containsEntry("dueAt", at(60).toString());
        SlaOutcome met = breached.sla().onMessage(AGENT, PUBLIC, at(100), "MessageAdded msg_9");
        assertThat(kinds(met)).containsExactly("firstResponse met"); // no second breach
        assertThat(met.sla().clocks().get(FIRST_RESPONSE).elapsed()).isEqualTo(Duration.ofMinutes(100));
        assertThat(view(met.sla(), at(200), FIRST_RESPONSE)).containsEntry("state", "breached").containsEntry("remaining", "-PT40M");
    }

    @Test
    void theLedgerAndCausesReadAsTheIssueAsks() {
        SlaOutcome o = created(STANDARD, 0).onStatusChanged(Status.PENDING, at(15), "StatusChanged new→pending");
        Map<String, Object> wire = o.ledger().get(0).toWire();
        assertThat(wire.keySet()).containsExactly("at", "target", "cycle", "kind", "cause", "dueAt", "elapsed");
        assertThat(wire).containsEntry("at", at(15).toString()).containsEntry("target", "firstResponse").containsEntry("cycle", 1)
                .containsEntry("kind", "pause").containsEntry("cause", "StatusChanged new→pending").containsEntry("dueAt", null)
                .containsEntry("elapsed", "PT15M");
        assertThat(SlaCause.of(event("MessageAdded", Map.of("messageId", "msg_1")))).isEqualTo("MessageAdded msg_1");
        assertThat(SlaCause.of(event("StatusChanged", Map.of("from", "open", "to", "pending")))).isEqualTo("StatusChanged open→pending");
        assertThat(SlaCause.of(event("PriorityChanged", Map.of("from", "normal", "to", "urgent")))).isEqualTo("PriorityChanged normal→urgent");
        assertThat(SlaCause.of(event("Tagged", Map.of("added", List.of("vip"), "removed", List.of("spam"))))).isEqualTo("Tagged +vip -spam");
        assertThat(SlaCause.of(event("Merged", Map.of("role", "source", "target", Map.of("id", "tkt_2", "number", 1001)))))
                .isEqualTo("Merged into #1001");
        assertThat(SlaCause.of(event("TicketCreated", Map.of()))).isEqualTo("TicketCreated");
    }

    @Test
    void negativeRemainingUsesTheLeadingSignForm() {
        assertThat(SlaView.signed(Duration.ofMinutes(-90))).isEqualTo("-PT1H30M");
        assertThat(Duration.parse(SlaView.signed(Duration.ofMinutes(-90)))).isEqualTo(Duration.ofMinutes(-90));
        assertThat(SlaView.signed(Duration.ZERO)).isEqualTo("PT0S");
    }

    private static DomainEvent event(String type, Map<String, Object> data) {
        return new DomainEvent("evt_1", type, "tkt_1", 1, MON_9, Actor.agent("alice"), data);
    }
}
