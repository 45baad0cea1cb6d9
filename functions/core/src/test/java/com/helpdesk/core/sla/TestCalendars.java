package com.helpdesk.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Business-time arithmetic for the clock tests only (the real calendars are the business-hours
 * calendars' own work): around the clock, and Monday to Friday 09:00-17:00 UTC.
 */
final class TestCalendars {
    private TestCalendars() {}

    static final BusinessTime AROUND_THE_CLOCK = new BusinessTime() {
        @Override
        public Instant add(Instant start, Duration amount) {
            return start.plus(amount);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public String toString() {
            return "24/7";
        }
    };

    static final BusinessTime WEEKDAYS_9_TO_5 = new BusinessTime() {
        @Override
        public Instant add(Instant start, Duration amount) {
            Duration left = amount;
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            Instant from = start;
            while (true) {
                if (isWorkday(day)) {
                    Instant open = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                    Instant close = day.atTime(17, 0).toInstant(ZoneOffset.UTC);
                    Instant s = from.isAfter(open) ? from : open;
                    if (s.isBefore(close)) {
                        Duration available = Duration.between(s, close);
                        if (left.compareTo(available) <= 0) return s.plus(left);
                        left = left.minus(available);
                    }
                }
                day = day.plusDays(1);
                from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }

        @Override
        public Duration between(Instant from, Instant to) {
            Duration total = Duration.ZERO;
            for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(to);
                 day = day.plusDays(1)) {
                if (!isWorkday(day)) continue;
                Instant open = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                Instant close = day.atTime(17, 0).toInstant(ZoneOffset.UTC);
                Instant s = from.isAfter(open) ? from : open;
                Instant e = to.isBefore(close) ? to : close;
                if (e.isAfter(s)) total = total.plus(Duration.between(s, e));
            }
            return total;
        }

        private boolean isWorkday(LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public String toString() {
            return "Mon-Fri 09:00-17:00 UTC";
        }
    };
}
