package com.helpdesk.sim;

import com.helpdesk.sim.Script.Action;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ground truth on the worked examples of docs/metrics.md (team time zone Europe/Berlin), played as the player records them. */
class GroundTruthTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    private static final LocalDate NOV24 = LocalDate.parse("2026-11-24");

    private static Played ticket(String key, Script.Channel channel, Script.AiOutcome outcome, String createdAt) {
        Script.Ticket t = new Script.Ticket(key, channel, new Script.Customer("Jane", key + "@example.com"), "wismo", "normal", "s", "b", outcome, List.of());
        Played p = new Played(t);
        p.opened("tkt_" + key, Instant.parse(createdAt));
        return p;
    }

    private static void at(Played p, Action action, String at, String actor) {
        p.happened(action, Instant.parse(at), actor, 0);
    }

    static List<Played> workedExamples() {
        Played a = ticket("a", Script.Channel.EMAIL, null, "2026-11-22T23:30:00Z");     // 00:30 on Nov 23 in Berlin
        at(a, Action.NOTE, "2026-11-22T23:40:00Z", "alice");
        at(a, Action.REPLY, "2026-11-23T00:10:00Z", "alice");
        at(a, Action.RESOLVE, "2026-11-23T09:00:00Z", "alice");
        a.happened(Action.CSAT, Instant.parse("2026-11-23T12:00:00Z"), null, 3);
        a.happened(Action.CSAT, Instant.parse("2026-11-23T12:05:00Z"), null, 5);
        Played b = ticket("b", Script.Channel.CHAT, null, "2026-11-23T08:00:00Z");
        at(b, Action.REPLY, "2026-11-23T08:05:00Z", "bob");
        at(b, Action.ESCALATE, "2026-11-23T08:10:00Z", "bob");
        at(b, Action.RESOLVE, "2026-11-23T08:30:00Z", "bob");
        at(b, Action.REOPEN, "2026-11-24T09:00:00Z", "bob");
        at(b, Action.REPLY, "2026-11-24T09:10:00Z", "bob");
        at(b, Action.RESOLVE, "2026-11-24T10:00:00Z", "bob");
        Played c = ticket("c", Script.Channel.AI, Script.AiOutcome.RESOLVED, "2026-11-23T10:00:00Z");
        Played d = ticket("d", Script.Channel.AI, Script.AiOutcome.HANDOFF, "2026-11-23T11:00:00Z");
        at(d, Action.REPLY, "2026-11-23T11:20:00Z", "carol");
        Played e = ticket("e", Script.Channel.PHONE, null, "2026-11-23T12:00:00Z");
        at(e, Action.MERGE_INTO, "2026-11-23T12:30:00Z", "alice");
        return List.of(a, b, c, d, e);
    }

    @Test
    void daysAreTheTeamsAndMergedTicketsCountNowhere() {
        GroundTruth truth = GroundTruth.of(workedExamples(), BERLIN);
        assertThat(truth.byDay()).containsOnlyKeys(NOV23, NOV24);
        Figures nov23 = truth.byDay().get(NOV23);
        assertThat(nov23.created).as("A (00:30 in Berlin), B, C, D; E merged into A").isEqualTo(4);
        assertThat(nov23.resolved).as("A and C; B's resolution moved to Nov 24").isEqualTo(2);
        assertThat(nov23.escalated).isEqualTo(1);
        assertThat(nov23.reopened).isZero();
        assertThat(nov23.oneTouch).as("A, and C (the AI's one answer)").isEqualTo(2);
        assertThat(nov23.firstResponse).as("notes are not responses; an AI conversation's answer is at creation")
                .containsExactlyInAnyOrder(2400L, 300L, 0L, 0L);
        assertThat(nov23.resolution).containsExactlyInAnyOrder(34200L, 0L);
        Figures nov24 = truth.byDay().get(NOV24);
        assertThat(nov24.reopened).isEqualTo(1);
        assertThat(nov24.resolution).as("creation to the last resolution: 26 h").containsExactly(93600L);
        assertThat(truth.byChannel()).containsOnlyKeys("email", "chat", "web");
    }

    @Test
    void figuresAreAttributedToWhoeverRespondedOrResolvedAndTheAiIsARow() {
        GroundTruth truth = GroundTruth.of(workedExamples(), BERLIN);
        assertThat(truth.byAgent()).as("carol's answer was not a first response and she resolved nothing").containsOnlyKeys("ai", "alice", "bob");
        Figures alice = truth.byAgent().get("alice");
        assertThat(alice.csatResponses).as("the latest answer replaces the first").isEqualTo(1);
        assertThat(alice.csatAverage()).isEqualTo(5.0);
        assertThat(alice.satisfiedShare()).isEqualTo(1.0);
        Figures ai = truth.byAgent().get("ai");
        assertThat(List.of(ai.aiHandled, ai.aiDeflected, ai.aiHandedOff, ai.resolved)).containsExactly(2L, 1L, 1L, 1L);
        assertThat(truth.byAgent().get("bob").oneTouch).as("two public replies").isZero();
    }

    @Test
    void aTicketCountsUnderItsLatestPriorityAnEscalationRaisesIt() {
        GroundTruth truth = GroundTruth.of(workedExamples(), BERLIN);
        assertThat(truth.byPriority()).containsOnlyKeys("normal", "high");
        assertThat(truth.byPriority().get("high").created).as("B, escalated from normal, counts under high from its creation on").isEqualTo(1);
        assertThat(truth.byPriority().get("high").escalated).isEqualTo(1);
        assertThat(truth.byPriority().get("normal").created).as("A, C, D").isEqualTo(3);
        assertThat(List.of(GroundTruth.escalated("low"), GroundTruth.escalated("normal"), GroundTruth.escalated("high"), GroundTruth.escalated("urgent")))
                .as("one step up, at least high").containsExactly("high", "high", "urgent", "urgent");
    }

    @Test
    void aTicketCountsUnderTheIntentTheAgentSet() {
        GroundTruth truth = GroundTruth.of(workedExamples(), BERLIN);
        assertThat(truth.byIntent()).containsOnlyKeys("wismo");
        assertThat(truth.byIntent().get("wismo").created).as("A, B, C, D; E merged away").isEqualTo(4);
    }

    /** docs/lifecycle.md's statuses replayed: the census counts new, open and pending tickets, with their ages at the census. */
    @Test
    void theOpenWorkIsReplayedFromTheSteps() {
        GroundTruth truth = GroundTruth.of(workedExamples(), BERLIN);
        assertThat(truth.backlogAt(Instant.parse("2026-11-22T23:35:00Z"))).as("A: a mail nobody answered yet")
                .isEqualTo(new OpenWork(1, 0, 0, 1, 0, 0, 0));
        assertThat(truth.backlogAt(Instant.parse("2026-11-23T12:15:00Z"))).as("D handed off, E a call not yet merged; A, B, C resolved")
                .isEqualTo(new OpenWork(0, 2, 0, 2, 0, 0, 0));
        assertThat(truth.backlogAt(Instant.parse("2026-11-23T22:59:00Z"))).as("23:59 in Berlin: E was merged (closed)")
                .isEqualTo(new OpenWork(0, 1, 0, 1, 0, 0, 0));
        assertThat(truth.backlogAt(Instant.parse("2026-11-24T09:05:00Z"))).as("B reopened, 25 h old; D 22 h")
                .isEqualTo(new OpenWork(0, 2, 0, 1, 1, 0, 0));
        assertThat(truth.backlogAt(Instant.parse("2026-11-24T22:59:00Z")).total()).isEqualTo(1);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> v = List.of(2400L, 0L, 300L, 0L);
        assertThat(Figures.percentile(v, 50)).isEqualTo(0L);
        assertThat(Figures.percentile(v, 90)).isEqualTo(2400L);
        assertThat(Figures.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
        assertThat(Figures.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 95)).isEqualTo(10L);
        assertThat(Figures.percentile(List.of(), 50)).isNull();
    }
}
