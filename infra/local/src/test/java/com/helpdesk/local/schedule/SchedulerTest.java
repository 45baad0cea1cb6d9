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
    void theClockNeverRunsBackwards() {
        LocalClock clock = new LocalClock();
        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(clock.get().minusSeconds(60))).hasMessageContaining("forward");
        java.time.Instant target = clock.get().plus(Duration.ofDays(3));
        assertThat(clock.set(target)).isBetween(target, target.plusSeconds(1));
    }
}
