package com.helpdesk.local.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleExpressionTest {

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "cron(0 9 * * ? *)          | 2026-11-22T10:00:00Z | 2026-11-23T09:00:00Z",
            "cron(0/15 * * * ? *)       | 2026-11-22T10:07:00Z | 2026-11-22T10:15:00Z",
            "cron(0 18 ? * MON-FRI *)   | 2026-11-21T19:00:00Z | 2026-11-23T18:00:00Z",
            "cron(0 0 L * ? *)          | 2026-02-10T00:00:00Z | 2026-02-28T00:00:00Z",
            "cron(0 8 ? * 2#1 *)        | 2026-11-22T00:00:00Z | 2026-12-07T08:00:00Z",
            "cron(0 8 ? * 6L *)         | 2026-11-01T00:00:00Z | 2026-11-27T08:00:00Z",
            "cron(0 8 15W * ? *)        | 2026-11-01T00:00:00Z | 2026-11-16T08:00:00Z",
            "cron(30 2 1 JAN,JUL ? 2027)| 2026-11-22T00:00:00Z | 2027-01-01T02:30:00Z",
            "cron(5 10-12/2 * * ? *)    | 2026-11-22T10:05:00Z | 2026-11-22T12:05:00Z",
    })
    void cronFindsTheNextOccurrence(String expression, String after, String expected) {
        assertThat(ScheduleExpression.parse(expression, null).next(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void cronHonoursTheScheduleTimezone() {
        // 09:00 in New York in winter is 14:00 UTC
        assertThat(ScheduleExpression.parse("cron(0 9 * * ? *)", "America/New_York").next(Instant.parse("2026-11-22T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void cronEndsWhenTheYearsRunOut() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2025)", null).next(Instant.parse("2026-01-01T00:00:00Z"))).isNull();
    }

    @Test
    void rateCountsFromTheFirstLook() {
        ScheduleExpression every5 = ScheduleExpression.parse("rate(5 minutes)", null);
        Instant start = Instant.parse("2026-11-22T10:00:30Z");
        Instant first = every5.next(start);
        assertThat(first).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(every5.next(first)).isEqualTo(Instant.parse("2026-11-22T10:10:00Z"));
        assertThat(ScheduleExpression.parse("rate(1 day)", null).next(start)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void badExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)", null)).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 9 * * *)", null)).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 9 * * MON *)", null)).hasMessageContaining("'?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 9 * * ? *)", null)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ScheduleExpression.parse("every day", null)).hasMessageContaining("not a schedule");
    }
}
