package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /business-hours/{id}/preview}: the same arithmetic the clocks use, on an admin's inputs.
 * {@code {"start", "add"}} answers {@code {"dueAt"}} written with the calendar zone's offset at that
 * instant; {@code {"from", "to"}} answers {@code {"businessTime"}} (zero when {@code to} is not after
 * {@code from}). Inputs are bounded so that a request cannot ask for a walk of centuries: instants in the
 * years 1970-9999, amounts from zero to {@link #MAX_ADD}.
 */
public final class SlaPreview {
    public static final Duration MAX_ADD = Duration.ofDays(365);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Set<String> FIELDS = Set.of("start", "add", "from", "to");

    private SlaPreview() {}

    public static Map<String, Object> answer(BusinessCalendar calendar, Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) errors.add(new FieldError(key, "is not a field of a preview; send {start, add} or {from, to}"));
        }
        boolean addForm = body.containsKey("start") || body.containsKey("add");
        boolean spanForm = body.containsKey("from") || body.containsKey("to");
        if (addForm == spanForm) {
            errors.add(new FieldError("body", "send either {\"start\", \"add\"} or {\"from\", \"to\"}"));
            throw new ValidationException(errors);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (addForm) {
            Instant start = instant(body.get("start"), "start", errors);
            Duration add = amount(body.get("add"), errors);
            if (!errors.isEmpty()) throw new ValidationException(errors);
            Instant due = dueAt(calendar, start, add);
            out.put("dueAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.atZone(calendar.zone()).toOffsetDateTime()));
        } else {
            Instant from = instant(body.get("from"), "from", errors);
            Instant to = instant(body.get("to"), "to", errors);
            if (from != null && to != null && Duration.between(from, to).compareTo(Duration.ofDays(366 * 10)) > 0) {
                errors.add(new FieldError("to", "is more than ten years after from"));
            }
            if (!errors.isEmpty()) throw new ValidationException(errors);
            out.put("businessTime", calendar.between(from, to).toString());
        }
        return out;
    }

    /** The calendar's due time; an amount it never opens long enough for is the caller's to correct (400), not a 500. */
    private static Instant dueAt(BusinessCalendar calendar, Instant start, Duration add) {
        try {
            return calendar.add(start, add);
        } catch (IllegalArgumentException beyondHorizon) {
            // start and add are checked above: what is left is a calendar opening too rarely (say an hour a week)
            throw new ValidationException("add", "is more business time than this calendar opens in the "
                    + OpeningSpans.HORIZON_YEARS + " years after start");
        }
    }

    private static Instant instant(Object value, String field, List<FieldError> errors) {
        if (!(value instanceof String text)) {
            errors.add(new FieldError(field, value == null ? "is required" : "must be an ISO-8601 instant with an offset"));
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + text + "' is not an ISO-8601 instant with an offset (2026-12-04T17:55:00-05:00)"));
            return null;
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            errors.add(new FieldError(field, "must lie in the years 1970 to 9999"));
            return null;
        }
        return at;
    }

    private static Duration amount(Object value, List<FieldError> errors) {
        if (!(value instanceof String text)) {
            errors.add(new FieldError("add", value == null ? "is required" : "must be an ISO-8601 duration such as PT1H"));
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("add", "'" + text + "' is not an ISO-8601 duration of days, hours, minutes (PT1H, P2D)"));
            return null;
        }
        if (d.isNegative()) errors.add(new FieldError("add", "must not be negative"));
        else if (d.compareTo(MAX_ADD) > 0) errors.add(new FieldError("add", "must be at most P365D"));
        return d;
    }
}
