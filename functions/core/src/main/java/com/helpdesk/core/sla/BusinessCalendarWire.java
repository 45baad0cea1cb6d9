package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The API's JSON shape of a calendar, as plain maps and lists (what Jackson reads into {@code Object}):
 * <pre>{"name": "EU support", "timezone": "Europe/Berlin",
 *  "weekly": {"mon": [["09:00","12:30"],["13:30","18:00"]], ..., "sun": []},
 *  "holidays": ["2026-12-25"]}</pre>
 * Every problem is reported at once, each under the path of its field ({@code timezone},
 * {@code weekly.mon[1]}, {@code holidays[0]}). A missing day is closed; intervals may come in any
 * order and are answered sorted.
 */
public final class BusinessCalendarWire {
    private static final Set<String> FIELDS = Set.of("id", "name", "timezone", "weekly", "holidays");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final String PAIR = "must be a pair [\"HH:mm\", \"HH:mm\"]";

    private BusinessCalendarWire() {}

    /** Reads a request body for the calendar {@code id}; a body may repeat the id but not contradict it. */
    public static BusinessCalendar fromWire(String id, Map<String, ?> body) {
        if (body == null) throw new ValidationException("body", "is required");
        List<FieldError> errors = new ArrayList<>(BusinessCalendar.idProblems(id));
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) errors.add(new FieldError(key, "is not a field of a business-hours calendar"));
        }
        Object bodyId = body.get("id");
        if (bodyId != null && !bodyId.equals(id)) errors.add(new FieldError("id", "differs from the calendar's id '" + id + "'"));
        String name = string(body.get("name"), "name", errors);
        if (name != null || body.get("name") == null) errors.addAll(BusinessCalendar.nameProblems(name));
        ZoneId zone = zone(body.get("timezone"), errors);
        Map<DayOfWeek, List<OpeningInterval>> weekly = weekly(body.get("weekly"), errors);
        List<LocalDate> holidays = holidays(body.get("holidays"), errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new BusinessCalendar(id, name, zone, weekly, holidays);
    }

    /** The calendar in the same shape, with its id, all seven days and sorted holidays. */
    public static Map<String, Object> toWire(BusinessCalendar calendar) {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<List<String>> intervals = new ArrayList<>();
            for (OpeningInterval i : calendar.weekly().get(day)) {
                intervals.add(List.of(OpeningInterval.formatTime(i.opensAt()), OpeningInterval.formatTime(i.closesAt())));
            }
            weekly.put(BusinessCalendar.dayKey(day), intervals);
        }
        List<String> holidays = new ArrayList<>();
        for (LocalDate day : calendar.holidays()) holidays.add(day.toString());
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", calendar.id());
        wire.put("name", calendar.name());
        wire.put("timezone", calendar.zone().getId());
        wire.put("weekly", weekly);
        wire.put("holidays", holidays);
        return wire;
    }

    private static ZoneId zone(Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("timezone", "is required: an IANA time zone such as Europe/Berlin"));
            return null;
        }
        // only IANA region ids: a fixed offset such as +01:00 would silently ignore daylight saving
        if (value instanceof String text && ZoneId.getAvailableZoneIds().contains(text)) return ZoneId.of(text);
        errors.add(new FieldError("timezone", "'" + value + "' is not an IANA time zone such as Europe/Berlin or America/New_York"));
        return null;
    }

    private static Map<DayOfWeek, List<OpeningInterval>> weekly(Object value, List<FieldError> errors) {
        if (!(value instanceof Map<?, ?> days)) {
            errors.add(new FieldError("weekly", value == null ? "is required" : "must be an object with the days mon to sun"));
            return null;
        }
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<?, ?> entry : days.entrySet()) {
            Optional<DayOfWeek> day = day(entry.getKey());
            String path = "weekly." + entry.getKey();
            if (day.isEmpty()) {
                errors.add(new FieldError(path, "is not a day: use mon, tue, wed, thu, fri, sat, sun"));
            } else if (!(entry.getValue() instanceof List<?> intervals)) {
                errors.add(new FieldError(path, "must be a list of [\"HH:mm\", \"HH:mm\"] pairs ([] when closed)"));
            } else {
                List<OpeningInterval> parsed = new ArrayList<>();
                for (int i = 0; i < intervals.size(); i++) parsed.add(interval(intervals.get(i), path + "[" + i + "]", errors));
                weekly.put(day.get(), parsed);
            }
        }
        List<FieldError> overlaps = BusinessCalendar.weeklyProblems(weekly);
        errors.addAll(overlaps);
        return weekly;
    }

    /** One ["HH:mm", "HH:mm"] pair; null (and an error under {@code path}) when unreadable. */
    private static OpeningInterval interval(Object value, String path, List<FieldError> errors) {
        if (!(value instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String opens)
                || !(pair.get(1) instanceof String closes)) {
            errors.add(new FieldError(path, PAIR));
            return null;
        }
        Optional<Integer> from = OpeningInterval.parseTime(opens);
        Optional<Integer> to = OpeningInterval.parseTime(closes);
        String problem = null;
        if (from.isEmpty()) problem = "'" + opens + "' is not a time HH:mm from 00:00 to 23:59";
        else if (to.isEmpty()) problem = "'" + closes + "' is not a time HH:mm from 00:00 to 24:00";
        else if (from.get() == OpeningInterval.END_OF_DAY) problem = "opens at 24:00: write 00:00 under the next day";
        else if (from.get().equals(to.get())) problem = "is empty: it opens and closes at " + opens;
        else if (to.get() < from.get()) {
            problem = "closes at " + closes + ", before it opens at " + opens
                    + ": a shift past midnight is two intervals, [\"" + opens + "\",\"24:00\"] and [\"00:00\",\"" + closes + "\"] under the next day";
        }
        if (problem != null) {
            errors.add(new FieldError(path, problem));
            return null;
        }
        return new OpeningInterval(from.get(), to.get());
    }

    private static List<LocalDate> holidays(Object value, List<FieldError> errors) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> dates)) {
            errors.add(new FieldError("holidays", "must be a list of dates YYYY-MM-DD"));
            return null;
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int i = 0; i < dates.size(); i++) {
            Object date = dates.get(i);
            try {
                if (!(date instanceof String text) || !DATE.matcher(text).matches()) throw new DateTimeException("not YYYY-MM-DD");
                holidays.add(LocalDate.parse(text));
            } catch (DateTimeException e) {
                errors.add(new FieldError("holidays[" + i + "]", "'" + date + "' is not a date YYYY-MM-DD"));
            }
        }
        errors.addAll(BusinessCalendar.holidayProblems(holidays));
        return new ArrayList<>(holidays);
    }

    private static Optional<DayOfWeek> day(Object key) {
        for (DayOfWeek day : DayOfWeek.values()) if (BusinessCalendar.dayKey(day).equals(key)) return Optional.of(day);
        return Optional.empty();
    }

    private static String string(Object value, String field, List<FieldError> errors) {
        if (value == null || value instanceof String) return (String) value;
        errors.add(new FieldError(field, "must be a string"));
        return null;
    }
}
