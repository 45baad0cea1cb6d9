package com.helpdesk.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The arithmetic behind {@link BusinessCalendar}: turns a calendar's wall-clock opening hours into
 * real open spans (instants) day by day, and walks them span by span. Whole weeks that are provably
 * ordinary (no holiday, no offset change) are skipped in one step, so a target of months costs a few
 * steps per holiday and per daylight-saving change, never one per minute or per day.
 */
final class OpeningSpans {
    /** The longest stretch any walk covers: beyond it the calendar opens too rarely for the amount. */
    static final int HORIZON_YEARS = 100;
    private static final long WEEK_SECONDS = 7L * 24 * 3600;

    /** An open stretch of real time, start inclusive, end exclusive; never empty. */
    record Span(Instant start, Instant end) {}

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<OpeningInterval>> weekly;
    private final NavigableSet<LocalDate> holidays;
    private final Duration weeklyTotal;
    private final boolean skipWholeWeeks;

    OpeningSpans(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weekly, NavigableSet<LocalDate> holidays,
                 boolean skipWholeWeeks) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.weekly = weekly;
        this.holidays = holidays;
        this.skipWholeWeeks = skipWholeWeeks;
        Duration total = Duration.ZERO;
        for (List<OpeningInterval> day : weekly.values()) for (OpeningInterval i : day) total = total.plus(i.length());
        this.weeklyTotal = total;
    }

    /**
     * The instant a wall-clock time of a day stands for: the first instant at which the calendar's
     * clock reads that time or later. Outside a daylight-saving change that is the one instant with
     * that reading. In a skipped hour (a gap) the reading never occurs, so it is the instant the
     * clock jumps over it, the first valid instant after the gap; java.time's own gap rule
     * ({@code ZonedDateTime.of} shifts 02:30 to 03:30) is not used because it is not monotonic: it
     * would turn an interval 02:30-03:15 into 03:30-03:15. In a repeated hour it is the first pass,
     * the earlier offset, exactly as {@code ZonedDateTime.of} resolves it. One monotonic rule for
     * opening and closing times alike keeps touching intervals seamless and spans never overlapping.
     */
    Instant atWallClock(LocalDate day, int minuteOfDay) {
        LocalDateTime wall = minuteOfDay == OpeningInterval.END_OF_DAY
                ? day.plusDays(1).atStartOfDay()
                : day.atTime(minuteOfDay / 60, minuteOfDay % 60);
        ZoneOffsetTransition transition = rules.getTransition(wall);
        if (transition != null && transition.isGap()) return transition.getInstant();
        return wall.toInstant(rules.getOffset(wall)); // for an overlap: the offset before it, the earlier one
    }

    /** The open spans of one local day, in order; none on a holiday. */
    List<Span> on(LocalDate day) {
        if (holidays.contains(day)) return List.of();
        List<Span> spans = new ArrayList<>();
        for (OpeningInterval interval : weekly.get(day.getDayOfWeek())) {
            Instant start = atWallClock(day, interval.opensAt());
            Instant end = atWallClock(day, interval.closesAt());
            if (start.isBefore(end)) spans.add(new Span(start, end)); // an interval inside a gap never opens
        }
        return spans;
    }

    Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("amount of business time must not be negative: " + amount);
        if (amount.isZero()) return start;
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(start, zone);
        LocalDate horizon = day.plusYears(HORIZON_YEARS);
        while (!day.isAfter(horizon)) {
            // skip only weeks that end strictly before the due time: a due time at the week's last closing stays in the walk
            long weeks = steadyWeeks(day, start, null, remaining.minusNanos(1).dividedBy(weeklyTotal));
            if (weeks > 0) {
                remaining = remaining.minus(weeklyTotal.multipliedBy(weeks));
                day = day.plusWeeks(weeks);
                continue;
            }
            for (Span span : on(day)) {
                Instant from = later(span.start(), start);
                if (!from.isBefore(span.end())) continue;
                Duration open = Duration.between(from, span.end());
                if (open.compareTo(remaining) >= 0) return from.plus(remaining); // lands on a closing time: that closing time
                remaining = remaining.minus(open);
            }
            day = day.plusDays(1);
        }
        throw new IllegalArgumentException("no due time within " + HORIZON_YEARS + " years of " + start
                + ": " + amount + " is more business time than the calendar opens in that time");
    }

    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        if (Duration.between(from, to).toDays() > HORIZON_YEARS * 366L) {
            throw new IllegalArgumentException("business time is measured over at most " + HORIZON_YEARS + " years: " + from + " to " + to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = LocalDate.ofInstant(from, zone);
        while (atWallClock(day, 0).isBefore(to)) {
            long weeks = steadyWeeks(day, from, to, Long.MAX_VALUE);
            if (weeks > 0) {
                total = total.plus(weeklyTotal.multipliedBy(weeks));
                day = day.plusWeeks(weeks);
                continue;
            }
            for (Span span : on(day)) {
                Instant start = later(span.start(), from);
                Instant end = span.end().isBefore(to) ? span.end() : to;
                if (start.isBefore(end)) total = total.plus(Duration.between(start, end));
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /** {@code instant} when the calendar is open then, else the next opening. */
    Instant openFrom(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        LocalDate horizon = day.plusYears(HORIZON_YEARS);
        for (; !day.isAfter(horizon); day = day.plusDays(1)) {
            for (Span span : on(day)) if (span.end().isAfter(instant)) return later(span.start(), instant);
        }
        throw new IllegalArgumentException("the calendar does not open within " + HORIZON_YEARS + " years of " + instant);
    }

    /**
     * How many whole weeks from {@code day}'s midnight (at most {@code atMost}) count exactly the
     * weekly total: no holiday in them and one UTC offset throughout, so every wall-clock time in them
     * is one unambiguous instant. The weeks must start at or after {@code notBefore} and, when
     * {@code notAfter} is given, end by it.
     */
    private long steadyWeeks(LocalDate day, Instant notBefore, Instant notAfter, long atMost) {
        if (!skipWholeWeeks || atMost <= 0) return 0;
        LocalDateTime midnight = day.atStartOfDay();
        List<ZoneOffset> offsets = rules.getValidOffsets(midnight);
        if (offsets.size() != 1) return 0;
        Instant from = midnight.toInstant(offsets.get(0));
        if (from.isBefore(notBefore)) return 0;
        long weeks = atMost;
        ZoneOffsetTransition next = rules.nextTransition(from);
        if (next != null) weeks = Math.min(weeks, (Duration.between(from, next.getInstant()).getSeconds() - 1) / WEEK_SECONDS);
        LocalDate holiday = holidays.ceiling(day);
        if (holiday != null) weeks = Math.min(weeks, ChronoUnit.DAYS.between(day, holiday) / 7);
        if (notAfter != null) weeks = Math.min(weeks, Duration.between(from, notAfter).getSeconds() / WEEK_SECONDS);
        return Math.max(weeks, 0);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
