package com.helpdesk.core.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business time against an independent oracle: each day's opening hours turned into real spans by a
 * minute-by-minute search (docs/sla.md rule 5: a time stands for the first instant the zone's clock
 * reads it or later), then a walk over real time one minute at a time. Zones chosen for their odd
 * rules: offsets of +05:45, -03:30 and +12:45, half-hour (Lord Howe) and two-hour (Troll) changes,
 * changes at midnight (Santiago, Havana, Asuncion), Ramadan's suspended DST (Casablanca), Ireland's
 * negative DST, Samoa skipping Friday 30 December 2011, Moscow's 2011 and 2014 changes, and legacy and
 * Etc/ aliases. Seeded, so a failure replays.
 */
class BusinessTimeOracleTest {
    private static final List<String> ZONES = List.of("Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham",
            "Australia/Lord_Howe", "Antarctica/Troll", "America/Santiago", "America/Havana", "America/Asuncion",
            "Africa/Casablanca", "Europe/Dublin", "Pacific/Apia", "Europe/Moscow", "US/Eastern", "Etc/GMT+5",
            "Australia/Sydney", "Europe/Berlin");
    private static final int[] EDGES = {0, 30, 60, 90, 120, 150, 180, 210, 1380, 1410, 1440};
    private static final int WALK_DAYS = 8;

    private final Random random = new Random(20261203L);

    @Test
    void addBetweenAndOpenFromAgreeWithAMinuteByMinuteWalk() {
        for (int c = 0; c < 64; c++) {
            BusinessCalendar calendar = randomCalendar(ZoneId.of(ZONES.get(c % ZONES.size())));
            Instant start = randomStart(calendar.zone());
            List<Instant> openMinuteEnds = walk(calendar, start);
            String where = calendar + " from " + start;
            for (int k = 1; k <= openMinuteEnds.size(); k += 1 + random.nextInt(97)) {
                Instant due = openMinuteEnds.get(k - 1);
                assertThat(calendar.add(start, Duration.ofMinutes(k))).as(where + " adding " + k + " min").isEqualTo(due);
                assertThat(calendar.between(start, due)).as(where + " to " + due).isEqualTo(Duration.ofMinutes(k));
            }
            Instant end = start.plus(Duration.ofDays(WALK_DAYS));
            assertThat(calendar.between(start, end)).as(where + " for " + WALK_DAYS + " days").isEqualTo(Duration.ofMinutes(openMinuteEnds.size()));
            if (!openMinuteEnds.isEmpty()) {
                assertThat(calendar.openFrom(start)).as(where).isEqualTo(openMinuteEnds.get(0).minusSeconds(60));
            }
        }
    }

    /** The end of every open minute in {@code WALK_DAYS} days from {@code start}, in order. */
    private static List<Instant> walk(BusinessCalendar calendar, Instant start) {
        List<Instant[]> spans = bruteForceSpans(calendar, LocalDate.ofInstant(start, calendar.zone()).minusDays(1), WALK_DAYS + 2);
        List<Instant> ends = new ArrayList<>();
        for (Instant t = start; t.isBefore(start.plus(Duration.ofDays(WALK_DAYS))); t = t.plusSeconds(60)) {
            for (Instant[] span : spans) {
                if (!t.isBefore(span[0]) && t.isBefore(span[1])) {
                    ends.add(t.plusSeconds(60));
                    break;
                }
            }
        }
        return ends;
    }

    private static List<Instant[]> bruteForceSpans(BusinessCalendar calendar, LocalDate from, int days) {
        List<Instant[]> spans = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            if (calendar.holidays().contains(day)) continue;
            for (OpeningInterval i : calendar.weekly().get(day.getDayOfWeek())) {
                spans.add(new Instant[] {firstShowing(day, i.opensAt(), calendar.zone()), firstShowing(day, i.closesAt(), calendar.zone())});
            }
        }
        return spans;
    }

    /** The first instant the zone's clock reads {@code minute} of {@code day} or later; transitions since 1970 fall on whole minutes. */
    private static Instant firstShowing(LocalDate day, int minute, ZoneId zone) {
        LocalDateTime wall = day.atStartOfDay().plusMinutes(minute);
        Instant t = wall.toInstant(ZoneOffset.ofHours(15));
        while (LocalDateTime.ofInstant(t, zone).isBefore(wall)) t = t.plusSeconds(60);
        return t;
    }

    private BusinessCalendar randomCalendar(ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        do {
            for (DayOfWeek day : DayOfWeek.values()) weekly.put(day, randomDay());
        } while (weekly.values().stream().allMatch(List::isEmpty));
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int h = random.nextInt(6); h > 0; h--) holidays.add(LocalDate.of(2011, 12, 24).plusDays(random.nextInt(14)));
        for (int h = random.nextInt(30); h > 0; h--) holidays.add(LocalDate.of(2025, 6, 1).plusDays(random.nextInt(730)));
        return new BusinessCalendar("oracle", "oracle", zone, weekly, holidays);
    }

    /** Up to three intervals, edges often where changes happen or at midnight (overnight shifts). */
    private List<OpeningInterval> randomDay() {
        int count = random.nextInt(4);
        TreeSet<Integer> edges = new TreeSet<>();
        while (edges.size() < 2 * count) edges.add(random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(1441));
        List<Integer> sorted = new ArrayList<>(edges);
        List<OpeningInterval> day = new ArrayList<>();
        for (int i = 0; i < count && sorted.get(2 * i) < OpeningInterval.END_OF_DAY; i++) {
            day.add(new OpeningInterval(sorted.get(2 * i), sorted.get(2 * i + 1)));
        }
        return day;
    }

    /** On a whole minute: around Samoa's skipped day, or within four days before one of the zone's changes. */
    private Instant randomStart(ZoneId zone) {
        if (random.nextInt(4) == 0) return Instant.parse("2011-12-26T00:00:00Z").plusSeconds(60L * random.nextInt(8 * 24 * 60));
        Instant from = random.nextInt(4) == 0 ? Instant.parse("2011-01-01T00:00:00Z") : Instant.parse("2025-06-01T00:00:00Z");
        Instant start = from.plusSeconds(60L * random.nextInt(365 * 24 * 60));
        ZoneOffsetTransition next = zone.getRules().nextTransition(start);
        return next == null ? start : next.getInstant().minusSeconds(60L * random.nextInt(4 * 24 * 60));
    }
}
