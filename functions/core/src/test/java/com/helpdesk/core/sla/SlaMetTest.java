package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Status;
import org.junit.jupiter.api.Test;

import static com.helpdesk.core.sla.SlaFixtures.*;
import static com.helpdesk.core.sla.SlaTarget.FIRST_RESPONSE;
import static com.helpdesk.core.sla.SlaTarget.RESOLUTION;
import static com.helpdesk.core.ticket.ActorType.AGENT;
import static com.helpdesk.core.ticket.ActorType.CUSTOMER;
import static com.helpdesk.core.ticket.Visibility.INTERNAL;
import static com.helpdesk.core.ticket.Visibility.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

/** SlaMet: a cycle completed before its target, published once, at the instant it was met; never after a breach. */
class SlaMetTest {

    @Test
    void aReplyWithinTheTargetPublishesSlaMetForFirstResponse() {
        SlaOutcome replied = created(URGENT, 0).onMessage(AGENT, PUBLIC, at(30), "MessageAdded msg_1");
        assertThat(replied.signals()).extracting(SlaSignal::type, SlaSignal::target, SlaSignal::cycle, SlaSignal::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaSignal.MET, FIRST_RESPONSE, 1, at(30)));
        SlaSignal met = replied.signals().get(0);
        assertThat(met.dedupeKey()).isEqualTo("firstResponse#1#SlaMet");
        assertThat(met.detail()).containsEntry("target", "firstResponse").containsEntry("dueAt", at(60).toString())
                .containsEntry("targetDuration", "PT1H").containsEntry("policy", "urgent").doesNotContainKey("onBreach");
    }

    @Test
    void aReplyAfterTheBreachPublishesNoMet() {
        SlaOutcome late = created(URGENT, 0).onMessage(AGENT, PUBLIC, at(90), "MessageAdded msg_1");
        // the breach at 60 is fired first (every fact fires what was due by its instant); the late reply is no SlaMet
        assertThat(late.signals()).extracting(SlaSignal::type).contains(SlaSignal.BREACHED).doesNotContain(SlaSignal.MET);
    }

    @Test
    void aReplyExactlyAtTheDueTimeIsABreachNotAMet() {
        SlaOutcome onTheDot = created(URGENT, 0).onMessage(AGENT, PUBLIC, at(60), "MessageAdded msg_1");
        assertThat(onTheDot.signals()).extracting(SlaSignal::type).contains(SlaSignal.BREACHED).doesNotContain(SlaSignal.MET);
    }

    @Test
    void notesAndCustomerMessagesMeetNothingAndCancellingIsNoMet() {
        TicketSla sla = created(URGENT, 0);
        assertThat(sla.onMessage(AGENT, INTERNAL, at(5), "note").signals()).isEmpty();
        assertThat(sla.onMessage(CUSTOMER, PUBLIC, at(5), "customer").signals()).isEmpty();
        // merged away: the clocks are cancelled, not met
        assertThat(sla.onMerged(at(10), "Merged").signals()).isEmpty();
    }

    @Test
    void resolvingInTimeMeetsResolutionAndEachReopenedCycleIsMetOnItsOwn() {
        SlaOutcome resolved = created(URGENT, 0).onMessage(AGENT, PUBLIC, at(10), "reply").sla()
                .onStatusChanged(Status.RESOLVED, at(120), "StatusChanged open→resolved");
        assertThat(resolved.signals()).extracting(SlaSignal::type, SlaSignal::target, SlaSignal::cycle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaSignal.MET, RESOLUTION, 1));
        // reopened: cycle 2 continues from the 2 h spent; resolved 1 h later (3 h < 8 h) is met again
        SlaOutcome again = resolved.sla().onStatusChanged(Status.OPEN, at(200), "reopen").sla()
                .onStatusChanged(Status.RESOLVED, at(260), "resolve");
        assertThat(again.signals()).extracting(SlaSignal::type, SlaSignal::target, SlaSignal::cycle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SlaSignal.MET, RESOLUTION, 2));
    }
}
