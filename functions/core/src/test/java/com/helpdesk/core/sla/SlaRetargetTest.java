package com.helpdesk.core.sla;

import com.helpdesk.core.sla.SlaClock.Phase;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
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
import static com.helpdesk.core.ticket.ActorType.CUSTOMER;
import static com.helpdesk.core.ticket.Visibility.PUBLIC;
import static com.helpdesk.core.sla.SlaFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A change of priority, tags or channel that selects another policy: re-targeting keeps the business time spent. */
class SlaRetargetTest {
    @Test
    void aPolicyChangeRetargetsRunningClocksKeepingTheElapsedBusinessTime() {
        TicketSla sla = created(STANDARD, 0);
        SlaOutcome o = sla.onPolicyChanged(URGENT, AROUND_THE_CLOCK, at(30), "PriorityChanged normal→urgent");
        assertThat(kinds(o)).containsExactly("firstResponse retarget", "resolution retarget");
        assertThat(o.ledger().get(0).cause()).isEqualTo("PriorityChanged normal→urgent (policy standard → urgent)");
        SlaClock first = o.sla().clocks().get(FIRST_RESPONSE);
        assertThat(first.goal()).isEqualTo(Duration.ofHours(1));
        assertThat(first.elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(first.dueAt()).isEqualTo(at(60)); // still due one hour after creation
        assertThat(o.sla().view(at(30))).extractingByKey("firstResponse").extracting("policy").isEqualTo("urgent");
        // the same policy again changes nothing
        assertThat(o.sla().onPolicyChanged(URGENT, AROUND_THE_CLOCK, at(40), "Tagged +x").ledger()).isEmpty();
    }

    @Test
    void aTagOrChannelChangeRetargetsOnlyWhenItSelectsAnotherPolicy() {
        SlaPolicy vip = new SlaPolicy("vip", "VIP", 5, new SlaMatch(null, null, new java.util.TreeSet<>(java.util.Set.of("vip"))), null,
                URGENT.targets(), 0.75, SlaPolicy.OnBreach.NOTHING);
        SlaPolicy chat = new SlaPolicy("chat", "Chat", 10, new SlaMatch(null, java.util.Set.of(Channel.CHAT), null), null,
                Map.of(FIRST_RESPONSE, Duration.ofMinutes(5)), 0.75, SlaPolicy.OnBreach.NOTHING);
        SlaPolicy everyone = new SlaPolicy("everyone", "Everyone", 100, SlaMatch.ANY, null, STANDARD.targets(), 0.75,
                SlaPolicy.OnBreach.NOTHING);
        List<SlaPolicy> policies = List.of(everyone, chat, vip);
        TicketSla sla = TicketSla.create(SlaPolicies.select(policies, new TicketFacts(Priority.NORMAL, Channel.EMAIL, java.util.Set.of())),
                AROUND_THE_CLOCK, Status.NEW, at(0), "TicketCreated").sla();
        assertThat(sla.policy()).isEqualTo(everyone);

        SlaPolicy afterReturnsTag = SlaPolicies.select(policies, new TicketFacts(Priority.NORMAL, Channel.EMAIL, java.util.Set.of("returns")));
        assertThat(sla.onPolicyChanged(afterReturnsTag, AROUND_THE_CLOCK, at(10), "Tagged +returns").ledger()).isEmpty();

        SlaPolicy afterVipTag = SlaPolicies.select(policies, new TicketFacts(Priority.NORMAL, Channel.EMAIL, java.util.Set.of("vip")));
        SlaOutcome tagged = sla.onPolicyChanged(afterVipTag, AROUND_THE_CLOCK, at(10), "Tagged +vip");
        assertThat(kinds(tagged)).containsExactly("firstResponse retarget", "resolution retarget");
        assertThat(tagged.sla().clocks().get(FIRST_RESPONSE).dueAt()).isEqualTo(at(60));

        SlaPolicy afterChannel = SlaPolicies.select(policies, new TicketFacts(Priority.NORMAL, Channel.CHAT, java.util.Set.of()));
        SlaOutcome moved = sla.onPolicyChanged(afterChannel, AROUND_THE_CLOCK, at(3), "TicketUpdated channel email→chat");
        assertThat(kinds(moved)).containsExactly("firstResponse retarget", "resolution cancel");
        assertThat(moved.sla().clocks().get(FIRST_RESPONSE).dueAt()).isEqualTo(at(5));
    }

    @Test
    void aRetargetPastTheNewTargetBreachesAtOnceAndAPausedClockIsRetargetedWithoutADueTime() {
        TicketSla sla = created(STANDARD, 0).onStatusChanged(Status.OPEN, at(0), "open").sla();
        SlaOutcome late = sla.onPolicyChanged(URGENT, AROUND_THE_CLOCK, at(90), "PriorityChanged high→urgent");
        assertThat(kinds(late)).containsExactly("firstResponse retarget", "resolution retarget", "firstResponse warning", "firstResponse breach");
        assertThat(late.signals()).allSatisfy(s -> assertThat(s.at()).isEqualTo(at(90)));
        assertThat(late.signals()).extracting(SlaSignal::policy).containsOnly("urgent");

        TicketSla paused = sla.onStatusChanged(Status.PENDING, at(30), "pending").sla();
        SlaOutcome o = paused.onPolicyChanged(URGENT, AROUND_THE_CLOCK, at(90), "PriorityChanged high→urgent");
        assertThat(o.ledger()).allSatisfy(e -> assertThat(e.dueAt()).isNull());
        assertThat(o.sla().clocks().get(RESOLUTION).phase()).isEqualTo(Phase.PAUSED);
        assertThat(o.sla().clocks().get(RESOLUTION).goal()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aRetargetMovesTheClockToTheNewPolicysCalendarFromThatPoint() {
        // created Friday 16:00 UTC on 24/7; at 17:00 a tag selects a business-hours policy
        Instant friday16 = Instant.parse("2026-12-04T16:00:00Z");
        TicketSla sla = TicketSla.create(STANDARD, AROUND_THE_CLOCK, Status.OPEN, friday16, "TicketCreated").sla();
        SlaPolicy office = policy("office", "weekdays", Duration.ofHours(2), null, Duration.ofHours(16));
        SlaOutcome o = sla.onPolicyChanged(office, WEEKDAYS_9_TO_5, friday16.plus(Duration.ofHours(1)), "Tagged +b2b");
        SlaClock first = o.sla().clocks().get(FIRST_RESPONSE);
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(1)); // counted 24/7 up to the change
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z")); // the last hour on Monday's opening hours
        assertThat(o.sla().view(Instant.parse("2026-12-06T12:00:00Z")))
                .extractingByKey("firstResponse").isEqualTo(Map.of("state", "active", "dueAt", "2026-12-07T10:00:00Z",
                        "remaining", "PT1H", "policy", "office", "businessHours", "weekdays"));
    }

    @Test
    void aTargetTheNewPolicyLacksIsCancelledAndOneOnlyItHasStartsWhenItsConditionHolds() {
        SlaPolicy resolutionOnly = policy("slow", null, null, null, Duration.ofHours(48));
        TicketSla sla = created(STANDARD, 0);
        SlaOutcome o = sla.onPolicyChanged(resolutionOnly, AROUND_THE_CLOCK, at(60), "PriorityChanged normal→low");
        assertThat(kinds(o)).containsExactly("firstResponse cancel", "resolution retarget");
        assertThat(o.ledger().get(0).cause()).endsWith("no firstResponse target");
        // back to a policy with firstResponse before anyone replied: it continues from where it was cancelled
        SlaOutcome back = o.sla().onPolicyChanged(URGENT, AROUND_THE_CLOCK, at(70), "PriorityChanged low→urgent");
        // an hour spent against urgent's one-hour firstResponse: its warning and breach are due at once
        assertThat(kinds(back)).containsExactly("resolution retarget", "firstResponse start", "firstResponse warning", "firstResponse breach");
        assertThat(back.signals()).allSatisfy(s -> assertThat(s.at()).isEqualTo(at(70)));
        SlaClock first = back.sla().clocks().get(FIRST_RESPONSE);
        assertThat(first.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(first.cycle()).isEqualTo(2);
        // nextResponse starts on a re-target only when the customer is waiting after a team reply
        assertThat(back.sla().clocks()).doesNotContainKey(NEXT_RESPONSE);
        TicketSla waiting = created(resolutionOnly, 0).onMessage(AGENT, PUBLIC, at(5), "r").sla()
                .onMessage(CUSTOMER, PUBLIC, at(10), "c").sla();
        assertThat(waiting.clocks()).doesNotContainKey(NEXT_RESPONSE);
        SlaOutcome started = waiting.onPolicyChanged(STANDARD, AROUND_THE_CLOCK, at(20), "Tagged +vip");
        assertThat(started.sla().clocks().get(NEXT_RESPONSE).dueAt()).isEqualTo(at(20 + 8 * 60));
        assertThat(started.sla().clocks()).doesNotContainKey(FIRST_RESPONSE); // already answered
    }

    @Test
    void aDowngradeAfterABreachDoesNotBreachTheSameCycleTwice() {
        TicketSla breached = created(URGENT, 0).fire(at(70)).sla();
        SlaOutcome downgraded = breached.onPolicyChanged(STANDARD, AROUND_THE_CLOCK, at(80), "PriorityChanged urgent→normal");
        assertThat(view(downgraded.sla(), at(80), FIRST_RESPONSE).get("state")).isEqualTo("active");
        assertThat(downgraded.sla().fire(at(10 * 60)).signals()).extracting(SlaSignal::target).doesNotContain(FIRST_RESPONSE);
    }
}
