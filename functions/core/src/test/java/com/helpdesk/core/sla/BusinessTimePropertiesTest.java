package com.helpdesk.core.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of business time over random calendars (seeded, so a failure replays): zones with the usual
 * one-hour changes in both hemispheres, changes at midnight (Santiago, Havana), a half-hour change
 * (Lord Howe), odd offsets (Kolkata, Chatham) and none (Kolkata); starts often within a day of a change.
 */
class BusinessTimePropertiesTest {
    private static final List<String> ZONES = List.of("America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata",
            "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/London", "UTC");
    private static final int[] EDGES = {0, 30, 60, 90, 120, 135, 150, 165, 180, 210, 240, 1380, 1410, 1440};
    private static final Instant FROM = Instant.parse("2025-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-12-31T00:00:00Z");

    private final Random random = new Random(20261201L);

    @Test
    void measuringWhatWasAddedGivesTheAmountBackFromTheEffectiveStart() {
        for (int c = 0; c < 200; c++) {
            BusinessCalendar calendar = randomCalendar();
            for (int s = 0; s < 6; s++) {
                Instant start = randomStart(calendar.zone());
                Duration amount = randomAmount(calendar);
                Instant due = calendar.add(start, amount);
                String where = calendar + " from " + start + " adding " + amount;
                assertThat(calendar.between(start, due)).as(where).isEqualTo(amount);
                if (!amount.isZero()) {
                    assertThat(calendar.between(calendar.openFrom(start), due)).as(where).isEqualTo(amount);
                    // the earliest such instant: a moment earlier, the amount has not elapsed yet
                    assertThat(calendar.between(start, due.minusNanos(1))).as(where).isLessThan(amount);
                }
            }
        }
    }

    @Test
    void addingMoreNeverComesDueEarlier() {
        for (int c = 0; c < 200; c++) {
            BusinessCalendar calendar = randomCalendar();
            Instant start = randomStart(calendar.zone());
            Duration a = randomAmount(calendar), b = randomAmount(calendar);
            Duration less = a.compareTo(b) <= 0 ? a : b, more = a.compareTo(b) <= 0 ? b : a;
            assertThat(calendar.add(start, less)).as(calendar + " from " + start + ": " + less + " vs " + more)
                    .isBeforeOrEqualTo(calendar.add(start, more));
            Duration step = Duration.ofMinutes(1 + random.nextInt(600));
            assertThat(calendar.add(start, more.plus(step))).isAfter(calendar.add(start, more));
        }
    }

    @Test
    void businessTimeAddsUpOverConsecutiveStretches() {
        for (int c = 0; c < 300; c++) {
            BusinessCalendar calendar = randomCalendar();
            Instant[] t = {randomStart(calendar.zone()), randomStart(calendar.zone()), randomStart(calendar.zone())};
            java.util.Arrays.sort(t);
            String where = calendar + " over " + List.of(t);
            assertThat(calendar.between(t[0], t[1]).plus(calendar.between(t[1], t[2]))).as(where).isEqualTo(calendar.between(t[0], t[2]));
            assertThat(calendar.between(t[0], t[2])).as(where).isLessThanOrEqualTo(Duration.between(t[0], t[2]));
            assertThat(calendar.between(t[2], t[0])).isZero();
        }
    }

    @Test
    void skippingWholeWeeksAnswersWhatWalkingEveryDayAnswers() {
        for (int c = 0; c < 60; c++) {
            BusinessCalendar calendar = randomCalendar();
            OpeningSpans dayByDay = new OpeningSpans(calendar.zone(), calendar.weekly(), calendar.holidays(), false);
            for (int s = 0; s < 4; s++) {
                Instant start = randomStart(calendar.zone());
                Duration amount = calendar.weeklyTotal().multipliedBy(2 + random.nextInt(12)).plusSeconds(random.nextInt(86_400) - 43_200);
                String where = calendar + " from " + start + " adding " + amount;
                Instant due = calendar.add(start, amount);
                assertThat(due).as(where).isEqualTo(dayByDay.add(start, amount));
                Instant end = start.plusSeconds(random.nextInt(120 * 86_400));
                assertThat(calendar.between(start, end)).as(calendar + " from " + start + " to " + end).isEqualTo(dayByDay.between(start, end));
            }
        }
    }

    @Test
    void openingAndClosingTimesAreTheFirstInstantsTheClockShowsThem() {
        for (int c = 0; c < 60; c++) {
            BusinessCalendar calendar = randomCalendar();
            OpeningSpans spans = calendar.spans();
            ZoneOffsetTransition change = calendar.zone().getRules().nextTransition(randomStart(calendar.zone()));
            LocalDate day = change == null ? LocalDate.of(2026, 6, 1) : change.getDateTimeBefore().toLocalDate();
            for (int minute : EDGES) {
                assertThat(spans.atWallClock(day, minute)).as(calendar.zone() + " " + day + " minute " + minute)
                        .isEqualTo(firstInstantShowing(day, minute, calendar.zone()));
            }
        }
    }

    /** By brute force, minute by minute: transitions since 1970 fall on whole minutes. */
    private static Instant firstInstantShowing(LocalDate day, int minute, ZoneId zone) {
        LocalDateTime wall = day.atStartOfDay().plusMinutes(minute);
        Instant t = wall.toInstant(ZoneOffset.MAX);
        while (LocalDateTime.ofInstant(t, zone).isBefore(wall)) t = t.plusSeconds(60);
        return t;
    }

    @Test
    void aroundTheClockIsRealTime() {
        for (int i = 0; i < 100; i++) {
            Instant start = randomStart(ZoneId.of("UTC"));
            Duration amount = Duration.ofSeconds(random.nextInt(10_000_000));
            assertThat(AroundTheClock.INSTANCE.add(start, amount)).isEqualTo(start.plus(amount));
            assertThat(AroundTheClock.INSTANCE.between(start, start.plus(amount))).isEqualTo(amount);
        }
    }

    private BusinessCalendar randomCalendar() {
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        do {
            for (DayOfWeek day : DayOfWeek.values()) weekly.put(day, randomDay());
        } while (weekly.values().stream().allMatch(List::isEmpty));
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int h = random.nextInt(12); h > 0; h--) holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730)));
        return new BusinessCalendar("random", "random", zone, weekly, holidays);
    }

    /** Up to three intervals, their edges often where daylight-saving changes happen, sometimes touching. */
    private List<OpeningInterval> randomDay() {
        int count = random.nextInt(4);
        TreeSet<Integer> edges = new TreeSet<>();
        while (edges.size() < 2 * count) {
            edges.add(random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(1441));
        }
        List<Integer> sorted = new ArrayList<>(edges);
        List<OpeningInterval> day = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int opens = sorted.get(2 * i), closes = sorted.get(2 * i + 1);
            if (i > 0 && random.nextInt(3) == 0) opens = day.get(i - 1).closesAt(); // touching the previous one
            if (opens == OpeningInterval.END_OF_DAY) break;
            day.add(new OpeningInterval(opens, closes));
        }
        return day;
    }

    private Instant randomStart(ZoneId zone) {
        Instant start = FROM.plusSeconds((long) (random.nextDouble() * Duration.between(FROM, TO).getSeconds()));
        if (random.nextInt(3) == 0) { // close to a daylight-saving change, if the zone has any
            ZoneOffsetTransition next = zone.getRules().nextTransition(start);
            if (next != null) start = next.getInstant().plusSeconds(random.nextInt(2 * 86_400) - 86_400);
        }
        return start;
    }

    private Duration randomAmount(BusinessCalendar calendar) {
        long week = calendar.weeklyTotal().getSeconds();
        long bound = random.nextInt(10) == 0 ? 30 * week : 3 * week;
        return Duration.ofSeconds((long) (random.nextDouble() * bound));
    }
}
