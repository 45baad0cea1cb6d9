package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A business-hours calendar: opening intervals per day of the week as wall-clock times in an IANA
 * time zone, and holidays (whole local days closed). Durations under it are amounts of business time:
 * a target of P2D is 48 hours of opening hours, not two calendar days.
 *
 * <p>The rules, the same for every caller (clocks, the preview, metrics):
 * <ul>
 *   <li>{@link #add} answers the <em>earliest</em> instant by which the amount has elapsed. So a start
 *       outside opening hours counts from the next opening, and a due time that lands exactly on a
 *       closing time is that closing time (not the next opening). Adding zero answers the start.</li>
 *   <li>Elapsed business time is real elapsed time: on a day open 00:00-24:00, the 25-hour day of a
 *       fall-back change counts 25 hours and the 23-hour spring-forward day 23.</li>
 *   <li>An opening or closing time stands for the first instant at which the zone's clock reads that
 *       time or later: inside a skipped hour that is the first valid instant after the gap; inside a
 *       repeated hour it is the first pass (the earlier offset), for openings and closings alike. An
 *       interval lying wholly inside a skipped hour is closed that day; one wholly inside a repeated
 *       hour is open once, during the first pass. Why this rule and not java.time's gap rule: docs/sla.md.</li>
 *   <li>An interval ending at 24:00 ends at the next day's midnight, so it joins a 00:00 interval of the
 *       next day without any closed moment between them.</li>
 *   <li>A holiday closes its whole local day; an interval of the day before that ends at 24:00 still
 *       runs to midnight.</li>
 * </ul>
 * A calendar needs at least one opening interval a week; holidays are finite, so every amount has a
 * due time, and walks are bounded at 100 years (beyond that: an {@link IllegalArgumentException}).
 */
public record BusinessCalendar(String id, String name, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weekly,
                               NavigableSet<LocalDate> holidays) implements BusinessTime {
    public static final int MAX_NAME = 200;
    public static final int MAX_HOLIDAYS = 1000;
    /**
     * How many years of ordinary weeks a target may take: well inside the 100 years {@link #add} looks
     * ahead, whatever holidays (1000 days are about 19 years of a calendar open one day a week) and
     * daylight-saving gaps take away, so every clock under a policy has a due time.
     */
    public static final int TARGET_YEARS = 50;
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public BusinessCalendar {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(idProblems(id));
        errors.addAll(nameProblems(name));
        if (zone == null) errors.add(new FieldError("timezone", "is required"));
        errors.addAll(weeklyProblems(weekly));
        errors.addAll(holidayProblems(holidays));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        name = name.strip();
        weekly = canonical(weekly);
        holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
    }

    public BusinessCalendar(String id, String name, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weekly,
                            Collection<LocalDate> holidays) {
        this(id, name, zone, weekly, holidays == null ? null : new TreeSet<>(holidays));
    }

    /** The day's key on the wire: mon, tue, wed, thu, fri, sat, sun. */
    public static String dayKey(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    @Override
    public Instant add(Instant start, Duration amount) {
        return spans().add(Objects.requireNonNull(start, "start"), Objects.requireNonNull(amount, "amount"));
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return spans().between(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /** {@code instant} itself when the calendar is open then, else its next opening: where a clock starting then starts counting. */
    public Instant openFrom(Instant instant) {
        return spans().openFrom(Objects.requireNonNull(instant, "instant"));
    }

    /** The most business time a target under this calendar may be: {@link #TARGET_YEARS} of ordinary weeks. */
    public Duration mostTargetable() {
        return weeklyTotal().multipliedBy(52L * TARGET_YEARS);
    }

    /** The business time of an ordinary week (no holiday, no daylight-saving change). */
    public Duration weeklyTotal() {
        Duration total = Duration.ZERO;
        for (List<OpeningInterval> day : weekly.values()) for (OpeningInterval i : day) total = total.plus(i.length());
        return total;
    }

    OpeningSpans spans() {
        return new OpeningSpans(zone, weekly, holidays, true);
    }

    static List<FieldError> idProblems(String id) {
        if (id != null && ID.matcher(id).matches()) return List.of();
        return List.of(new FieldError("id", "lower-case letters, digits and '-', at most 63"));
    }

    static List<FieldError> nameProblems(String name) {
        if (name == null || name.isBlank()) return List.of(new FieldError("name", "is required"));
        if (name.strip().length() > MAX_NAME) return List.of(new FieldError("name", "is longer than " + MAX_NAME + " characters"));
        if (!isSingleLine(name)) return List.of(new FieldError("name", SINGLE_LINE));
        return List.of();
    }

    /** What a name that is not one line is told (the API's words for single-line fields). */
    static final String SINGLE_LINE = "must be a single line: control characters (such as CR, LF or tab) are not allowed";

    /** Names are shown in lists and mail headers: no control characters, nor Unicode line or paragraph separators. */
    static boolean isSingleLine(String s) {
        return s.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /**
     * Overlaps within a day, and a week without any interval. Entries may be null where the caller has
     * already reported an unreadable interval; indexes name the intervals in the order given.
     */
    static List<FieldError> weeklyProblems(Map<DayOfWeek, List<OpeningInterval>> weekly) {
        if (weekly == null) return List.of(new FieldError("weekly", "is required"));
        List<FieldError> errors = new ArrayList<>();
        int given = 0;
        for (Map.Entry<DayOfWeek, List<OpeningInterval>> day : weekly.entrySet()) {
            List<OpeningInterval> intervals = day.getValue() == null ? List.of() : day.getValue();
            given += intervals.size();
            for (int i = 0; i < intervals.size(); i++) {
                for (int j = 0; j < i; j++) {
                    OpeningInterval a = intervals.get(j), b = intervals.get(i);
                    if (a == null || b == null || !a.overlaps(b)) continue;
                    String key = "weekly." + dayKey(day.getKey());
                    errors.add(new FieldError(key + "[" + i + "]", b + " overlaps " + key + "[" + j + "] " + a));
                    break;
                }
            }
        }
        if (given == 0) {
            errors.add(new FieldError("weekly", "needs at least one opening interval: a calendar that never opens would never make anything due"));
        }
        return errors;
    }

    static List<FieldError> holidayProblems(Collection<LocalDate> holidays) {
        if (holidays == null) return List.of(new FieldError("holidays", "is required (an empty list for none)"));
        if (holidays.size() > MAX_HOLIDAYS) return List.of(new FieldError("holidays", "has more than " + MAX_HOLIDAYS + " dates"));
        return List.of();
    }

    /** All seven days, each with its intervals sorted, unmodifiable. */
    private static Map<DayOfWeek, List<OpeningInterval>> canonical(Map<DayOfWeek, List<OpeningInterval>> weekly) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningInterval> given = weekly.get(day);
            List<OpeningInterval> intervals = new ArrayList<>(given == null ? List.of() : given);
            Collections.sort(intervals);
            days.put(day, List.copyOf(intervals));
        }
        return Collections.unmodifiableMap(days);
    }
}
