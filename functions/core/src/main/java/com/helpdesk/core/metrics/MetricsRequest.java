package com.helpdesk.core.metrics;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A checked metrics query: an inclusive range of days (at most {@value #MAX_DAYS}), how to group, and at
 * most one filter. A filter narrows to one dimension value, so it combines with grouping by day or week
 * or by its own dimension, not with another dimension (aggregates are kept per dimension, not per pair).
 */
public record MetricsRequest(LocalDate from, LocalDate to, GroupBy groupBy, String filterDimension, String filterValue) {
    public static final int MAX_DAYS = 366;
    public static final List<String> FILTERS = List.of("channel", "agent", "intent");

    public enum GroupBy {
        DAY, WEEK, CHANNEL, INTENT, PRIORITY, AGENT, GROUP, STORE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean byTime() {
            return this == DAY || this == WEEK;
        }
    }

    /** Reads the query string; every problem is reported at once, each naming its parameter. */
    public static MetricsRequest parse(Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date(query, "from", errors);
        LocalDate to = date(query, "to", errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) errors.add(new FieldError("to", "must not be before from (" + from + ")"));
            else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) errors.add(new FieldError("to", "the range may span at most " + MAX_DAYS + " days"));
        }
        GroupBy groupBy = groupBy(query.get("groupBy"), errors);
        String filterDimension = null;
        String filterValue = null;
        for (String f : FILTERS) {
            String v = query.get(f);
            if (v == null || v.isEmpty()) continue;
            if (filterDimension != null) errors.add(new FieldError(f, "only one filter at a time (already filtering by " + filterDimension + ")"));
            else {
                filterDimension = f;
                filterValue = v;
            }
        }
        if (filterDimension != null && groupBy != null && !groupBy.byTime() && !groupBy.wire().equals(filterDimension)) {
            errors.add(new FieldError("groupBy", "a " + filterDimension + " filter combines with groupBy day, week or " + filterDimension));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new MetricsRequest(from, to, groupBy, filterDimension, filterValue);
    }

    private static LocalDate date(Map<String, String> query, String field, List<FieldError> errors) {
        String raw = query.get(field);
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            if (!raw.matches("\\d{4}-\\d{2}-\\d{2}")) throw new DateTimeParseException("shape", raw, 0);
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD: '" + raw + "'"));
            return null;
        }
    }

    private static GroupBy groupBy(String raw, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) return GroupBy.DAY;
        for (GroupBy g : GroupBy.values()) if (g.wire().equals(raw)) return g;
        errors.add(new FieldError("groupBy", "must be one of day, week, channel, intent, priority, agent, group, store: '" + raw + "'"));
        return null;
    }

    /** Every day of the range, in order. */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
