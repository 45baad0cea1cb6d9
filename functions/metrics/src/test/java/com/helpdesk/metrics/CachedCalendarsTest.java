package com.helpdesk.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.BusinessTime;
import com.helpdesk.core.sla.SlaSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachedCalendarsTest {
    private final List<String> loads = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private CachedCalendars calendars() {
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return new CachedCalendars(id -> {
            loads.add(id);
            return SlaSettings.shippedCalendar(ZoneId.of("Europe/Berlin"));
        }, clock);
    }

    @Test
    void aCalendarIsReadOncePerTtlAndNoCalendarIsAroundTheClock() {
        CachedCalendars c = calendars();
        BusinessTime first = c.apply("emea");
        assertThat(c.apply("emea")).isSameAs(first);
        now = now.plus(CachedCalendars.TTL).minusSeconds(1);
        c.apply("emea");
        assertThat(loads).containsExactly("emea");
        now = now.plus(Duration.ofSeconds(1));
        c.apply("emea");
        assertThat(loads).containsExactly("emea", "emea");
        assertThat(c.apply(null)).isSameAs(AroundTheClock.INSTANCE);
        assertThat(loads).hasSize(2);
    }
}
