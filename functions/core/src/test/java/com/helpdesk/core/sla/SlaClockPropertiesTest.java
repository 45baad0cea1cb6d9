package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.StatusTransitions;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.helpdesk.core.sla.SlaFixtures.MON_9;
import static com.helpdesk.core.sla.SlaFixtures.STANDARD;
import static com.helpdesk.core.sla.SlaFixtures.URGENT;
import static com.helpdesk.core.sla.SlaFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ticket histories (fixed seeds, so a failure replays) against the invariants every history must
 * keep, whatever the order of facts: elapsed business time never decreases within a cycle (nor across
 * resolution cycles) and never exceeds the wall time since creation; paused and stopped clocks have no
 * due time; each warning and breach is emitted at most once per clock cycle, a breach after its warning;
 * the ledger is in time order; the next fire instant is exactly when the timer next has something to do.
 */
class SlaClockPropertiesTest {
    private static final SlaPolicy OFFICE = policy("office", "weekdays", Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(16));
    private static final SlaPolicy RESOLUTION_ONLY = policy("slow", null, null, null, Duration.ofHours(30));
    private static final SlaPolicy OFFICE_FIRST_ONLY = policy("office-first", "weekdays", Duration.ofMinutes(45), null, null);
    private static final List<SlaPolicy> POLICIES = List.of(STANDARD, URGENT, OFFICE, RESOLUTION_ONLY, OFFICE_FIRST_ONLY);
    private static final List<ActorType> TEAM_OR_SYSTEM = List.of(ActorType.AGENT, ActorType.AI, ActorType.SYSTEM);

    @Test
    void randomHistoriesKeepTheInvariants() {
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 1; seed <= 100; seed++) {
            History h = new History(new Random(seed), seed);
            h.run();
            for (SlaLedgerEntry e : h.ledger) seen.merge(e.kind().wire() + (e.cycle() > 1 ? " later cycle" : ""), 1, Integer::sum);
        }
        // the histories really go through every rule, so the invariants above are not checked on idle clocks
        assertThat(seen.keySet()).contains("start", "pause", "resume", "retarget", "warning", "met", "breach", "cancel",
                "start later cycle", "met later cycle", "breach later cycle");
    }

    static BusinessTime calendarOf(SlaPolicy p) {
        return p.businessHours() == null ? TestCalendars.AROUND_THE_CLOCK : TestCalendars.WEEKDAYS_9_TO_5;
    }

    private static final class History {
        private final Random random;
        private final long seed;
        private final Instant created;
        private Instant now;
        private SlaOutcome last;
        private final Map<SlaTarget, SlaClock> previous = new HashMap<>();
        private final Set<String> emitted = new HashSet<>();
        private final List<SlaLedgerEntry> ledger = new ArrayList<>();

        History(Random random, long seed) {
            this.random = random;
            this.seed = seed;
            this.created = MON_9.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            this.now = created;
        }

        void run() {
            SlaPolicy p = pick(POLICIES);
            Status initial = pick(List.of(Status.NEW, Status.NEW, Status.OPEN, Status.PENDING, Status.RESOLVED));
            check(TicketSla.create(p, calendarOf(p), initial, created, "TicketCreated"));
            for (int step = 0; step < 60; step++) {
                now = now.plus(Duration.ofMinutes(random.nextInt(4) == 0 ? random.nextInt(3000) : random.nextInt(120)));
                boolean endedBefore = last.sla().ended();
                SlaOutcome next = act(last.sla());
                if (endedBefore) assertThat(next.ledger()).as(context("nothing changes once merged or closed")).isEmpty();
                check(next);
            }
        }

        private SlaOutcome act(TicketSla sla) {
            int roll = random.nextInt(20);
            if (roll < 4) {
                Visibility v = random.nextInt(4) == 0 ? Visibility.INTERNAL : Visibility.PUBLIC;
                return sla.onMessage(pick(TEAM_OR_SYSTEM), v, now, "MessageAdded team");
            }
            if (roll < 8) {
                SlaOutcome wrote = sla.onMessage(ActorType.CUSTOMER, Visibility.PUBLIC, now, "MessageAdded customer");
                if (sla.status() != Status.PENDING && sla.status() != Status.RESOLVED) return wrote;
                check(wrote); // the customer's message reopens the ticket in the same write
                return wrote.sla().onStatusChanged(Status.OPEN, now, "StatusChanged reopen");
            }
            if (roll < 12) {
                Status to = pick(List.of(Status.OPEN, Status.PENDING, Status.PENDING, Status.RESOLVED, Status.RESOLVED, Status.CLOSED));
                if (!StatusTransitions.allowed(sla.status(), to)) return sla.fire(now);
                return sla.onStatusChanged(to, now, "StatusChanged " + sla.status().wire() + "→" + to.wire());
            }
            if (roll < 14) {
                SlaPolicy p = pick(POLICIES);
                return sla.onPolicyChanged(p, calendarOf(p), now, "PriorityChanged");
            }
            if (roll == 14) return sla.onMerged(now, "Merged into #1");
            SlaOutcome fired = sla.fire(now);
            assertThat(fired.sla().fire(now).ledger()).as(context("firing twice at one instant")).isEmpty();
            return fired;
        }

        private void check(SlaOutcome outcome) {
            TicketSla sla = outcome.sla();
            for (SlaClock c : sla.clocks().values()) checkClock(sla, c);
            for (SlaSignal s : outcome.signals()) {
                assertThat(emitted.add(s.dedupeKey())).as(context("signal once per cycle: " + s.dedupeKey())).isTrue();
                if (s.isBreach()) {
                    assertThat(emitted).as(context("a breach after its warning")).contains(s.target().wire() + "#" + s.cycle() + "#" + SlaSignal.WARNING);
                }
                assertThat(s.at()).as(context("signals are not in the future")).isBeforeOrEqualTo(now);
            }
            for (SlaLedgerEntry e : outcome.ledger()) {
                if (!ledger.isEmpty()) {
                    assertThat(e.at()).as(context("ledger in time order")).isAfterOrEqualTo(ledger.get(ledger.size() - 1).at());
                }
                ledger.add(e);
            }
            Instant next = sla.nextFireAt();
            if (next != null) {
                assertThat(next).as(context("everything due by now has fired")).isAfter(now);
                assertThat(sla.fire(next.minusNanos(1)).signals()).as(context("nothing fires before nextFireAt")).isEmpty();
                assertThat(sla.fire(next).signals()).as(context("something fires at nextFireAt")).isNotEmpty();
            } else if (!sla.ended()) {
                assertThat(sla.fire(now.plus(Duration.ofDays(30))).signals()).as(context("nothing left to fire")).isEmpty();
            }
            assertThat(TicketSlaWire.fromWire(TicketSlaWire.toWire(sla), TicketSlaWireTest::calendars))
                    .as(context("the stored shape reads back")).isEqualTo(sla);
            last = outcome;
        }

        private void checkClock(TicketSla sla, SlaClock c) {
            Duration elapsed = c.elapsedAt(now, sla.calendar());
            assertThat(elapsed).as(context("elapsed within wall time")).isLessThanOrEqualTo(Duration.between(created, now));
            assertThat(elapsed.isNegative()).isFalse();
            SlaClock before = previous.get(c.target());
            if (before != null && (before.cycle() == c.cycle() || c.target() == SlaTarget.RESOLUTION)) {
                // "before" is re-measured now: a stopped or paused clock does not grow, a running one may
                assertThat(elapsed).as(context("elapsed never decreases for " + c.target().wire()))
                        .isGreaterThanOrEqualTo(before.elapsed());
            }
            if (!c.isRunning()) {
                assertThat(c.dueAt()).as(context("no due time unless running")).isNull();
                assertThat(((Map<?, ?>) sla.view(now).get(c.target().wire())).get("dueAt")).as(context("view without due time")).isNull();
            } else {
                assertThat(c.dueAt()).as(context("due no earlier than the segment start")).isAfterOrEqualTo(c.segmentStart());
            }
            assertThat(c.cycle()).isGreaterThanOrEqualTo(before == null ? 1 : before.cycle());
            previous.put(c.target(), new SlaClock(c.target(), c.isRunning() ? SlaClock.Phase.PAUSED : c.phase(), c.goal(), c.warnAt(),
                    elapsed, null, null, c.warnedAt(), c.breachedAt(), c.cycle()));
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private String context(String what) {
            return what + " (seed " + seed + ", at " + now + ", ledger so far " + ledger.size() + ")";
        }
    }
}
