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

    @Test
    void theClockNeverRunsBackwards() {
        LocalClock clock = new LocalClock();
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(clock.get().minusSeconds(60))).hasMessageContaining("forward");
        java.time.Instant target = clock.get().plus(Duration.ofDays(3));
        assertThat(clock.set(target)).isBetween(target, target.plusSeconds(1));
    }
}
