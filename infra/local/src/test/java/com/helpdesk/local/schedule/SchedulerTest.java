package com.helpdesk.local.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulerTest {

    @Test
    void movingTheClockFiresEveryDueOccurrenceInTimeOrder() {
        LocalClock clock = new LocalClock();
        List<String> invoked = new ArrayList<>();
        try (Scheduler s = new Scheduler(clock, (fn, event) -> {
            invoked.add(fn + " " + event);
            return "null";
        }, "000000000000", "us-east-1")) {
            s.add(new Scheduler.Schedule("sla", "SlaFunction", ScheduleExpression.parse("rate(30 minutes)", null), null, false));
            s.add(new Scheduler.Schedule("close", "CloseFunction", ScheduleExpression.parse("rate(1 hour)", null), "{\"k\":1}", true));
            clock.advance(Duration.ofMinutes(125));
            List<Map<String, Object>> fired = s.fireDue();
            assertThat(fired).extracting(f -> f.get("schedule"))
                    .containsExactly("sla", "sla", "close", "sla", "sla", "close");
            assertThat(fired).extracting(f -> (String) f.get("at")).isSorted();
            assertThat(invoked.get(0)).startsWith("SlaFunction {").contains("\"detail-type\":\"Scheduled Event\"")
                    .contains("\"source\":\"aws.events\"").contains("rule/sla");
            assertThat(invoked.get(2)).isEqualTo("CloseFunction {\"k\":1}");
            assertThat(s.fireDue()).isEmpty();
        }
    }

    @Test
    void aMinuteScheduleFiresEveryMinuteCrossedInOrderAndABigJumpCatchesUpTheLatestOnes() {
        LocalClock clock = new LocalClock();
        List<String> times = new ArrayList<>();
        try (Scheduler s = new Scheduler(clock, (fn, event) -> {
            times.add(event.replaceAll(".*\"time\":\"([^\"]+)\".*", "$1"));
            return "null";
        }, "000000000000", "us-east-1")) {
            s.add(new Scheduler.Schedule("sweep", "SlaTimerFunction", ScheduleExpression.parse("rate(1 minute)", null), null, false));
            clock.advance(Duration.ofHours(2));
            assertThat(s.fireDue()).hasSize(120).allSatisfy(f -> assertThat(f).doesNotContainKey("skippedBefore"));
            assertThat(times).isSorted().doesNotHaveDuplicates();
            times.clear();
            clock.advance(Duration.ofDays(3));
            List<Map<String, Object>> fired = s.fireDue();
            assertThat(fired).hasSize(Scheduler.MAX_CATCH_UP);
            assertThat(fired.get(0).get("skippedBefore")).isEqualTo(3 * 24 * 60 - Scheduler.MAX_CATCH_UP);
            assertThat(times).isSorted();
            java.time.Instant last = java.time.Instant.parse(times.get(times.size() - 1));
            assertThat(last).isBetween(clock.get().minusSeconds(61), clock.get());
        }
    }

    @Test
    void aCallerMayAskForFewerCatchUpOccurrences() {
        LocalClock clock = new LocalClock();
        List<String> invoked = new ArrayList<>();
        try (Scheduler s = new Scheduler(clock, (fn, event) -> {
            invoked.add(fn);
            return "null";
        }, "000000000000", "us-east-1")) {
            s.add(new Scheduler.Schedule("sweep", "SlaTimerFunction", ScheduleExpression.parse("rate(1 minute)", null), null, false));
            s.add(new Scheduler.Schedule("close", "CloseFunction", ScheduleExpression.parse("rate(1 hour)", null), null, false));
            clock.advance(Duration.ofMinutes(150));
            List<Map<String, Object>> fired = s.fireDue(1);
            assertThat(fired).extracting(f -> f.get("schedule")).containsExactlyInAnyOrder("sweep", "close");
            assertThat(fired).filteredOn(f -> f.get("schedule").equals("sweep")).first()
                    .satisfies(f -> assertThat((Integer) f.get("skippedBefore")).isBetween(148, 150));
            assertThat(s.fireDue(1)).as("nothing left due").isEmpty();
            assertThatThrownBy(() -> s.fireDue(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A census-like function: the team day and time of day it sees on the local clock when it runs. */
    private static Scheduler teamDayRecorder(LocalClock clock, List<String> seen) {
        Scheduler s = new Scheduler(clock, (fn, event) -> {
            seen.add(clock.get().atZone(BERLIN).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
            return "null";
        }, "000000000000", "eu-central-1");
        s.add(new Scheduler.Schedule("census", "BacklogCensusFunction", ScheduleExpression.parse("cron(59 23 * * ? *)", "Europe/Berlin"), null, true));
        return s;
    }

    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    private static java.time.Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void aMovePastMidnightFiresTheEndOfDayScheduleWithTheClockAtItsOccurrence() {
        LocalClock clock = new LocalClock();
        List<String> seen = new ArrayList<>();
        try (Scheduler s = teamDayRecorder(clock, seen)) {
            s.moveClockTo(berlin("2027-01-15T22:30"), 1);
            seen.clear();
            List<Map<String, Object>> fired = s.moveClockTo(berlin("2027-01-16T00:30"), 1);
            assertThat(fired).extracting(f -> f.get("at")).containsExactly(berlin("2027-01-15T23:59").toString());
            // the function ran at 23:59 of the 15th, not at the move's end (00:30 of the 16th)
            assertThat(seen).containsExactly("2027-01-15T23:59");
            assertThat(clock.get()).isBetween(berlin("2027-01-16T00:30"), berlin("2027-01-16T00:31"));
        }
    }

    @Test
    void aMoveLandingExactlyOnTheOccurrenceFiresItOnce() {
        LocalClock clock = new LocalClock();
        List<String> seen = new ArrayList<>();
        try (Scheduler s = teamDayRecorder(clock, seen)) {
            s.moveClockTo(berlin("2027-01-15T23:00"), 1);
            seen.clear();
            assertThat(s.moveClockTo(berlin("2027-01-15T23:59"), 1)).hasSize(1);
            assertThat(s.moveClockTo(berlin("2027-01-16T01:00"), 1)).isEmpty();
            assertThat(seen).containsExactly("2027-01-15T23:59");
        }
    }

    @Test
    void twoHourMovesAcrossBothDaylightSavingChangesFireEveryDayAtItsOwn2359() {
        LocalClock clock = new LocalClock();
        List<String> seen = new ArrayList<>();
        try (Scheduler s = teamDayRecorder(clock, seen)) {
            for (String[] span : new String[][]{{"2027-03-26T21:17", "2027-03-30T03:00"}, {"2027-10-29T21:17", "2027-11-02T03:00"}}) {
                s.moveClockTo(berlin(span[0]), 1);
                seen.clear();
                // the simulation's player: moves of at most 2 hours, each ending a few minutes past the hour
                for (java.time.Instant t = berlin(span[0]); t.isBefore(berlin(span[1])); ) {
                    t = t.plus(Duration.ofHours(2));
                    s.moveClockTo(t, 1);
                }
                java.time.LocalDate first = java.time.LocalDate.parse(span[0].substring(0, 10));
                assertThat(seen).containsExactly(first + "T23:59", first.plusDays(1) + "T23:59",
                        first.plusDays(2) + "T23:59", first.plusDays(3) + "T23:59");
            }
        }
    }

    @Test
    void aMoveBackwardsIsRefusedAndFiresNothing() {
        LocalClock clock = new LocalClock();
        List<String> seen = new ArrayList<>();
        try (Scheduler s = teamDayRecorder(clock, seen)) {
            s.moveClockTo(berlin("2027-01-15T22:00"), 1);
            seen.clear();
            assertThatThrownBy(() -> s.moveClockTo(berlin("2027-01-14T22:00"), 1)).hasMessageContaining("forward");
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void theClockNeverRunsBackwards() {
        LocalClock clock = new LocalClock();
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(clock.get().minusSeconds(60))).hasMessageContaining("forward");
        java.time.Instant target = clock.get().plus(Duration.ofDays(3));
        assertThat(clock.set(target)).isBetween(target, target.plusSeconds(1));
    }
}
