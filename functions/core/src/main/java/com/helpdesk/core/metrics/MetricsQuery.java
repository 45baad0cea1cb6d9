package com.helpdesk.core.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Answers metrics queries from the daily aggregates alone: one partition read per day of the range (and one of the generations). */
public final class MetricsQuery {

    /** A report: the range, the team's time zone, one row per group. */
    public record Report(LocalDate from, LocalDate to, ZoneId timezone, List<MetricsRow> rows) {
    }

    private final MetricsStore store;
    private final ZoneId zone;

    public MetricsQuery(MetricsStore store, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Report report(MetricsRequest r) {
        boolean byTime = r.groupBy() == MetricsRequest.GroupBy.DAY || r.groupBy() == MetricsRequest.GroupBy.WEEK;
        String dimension;
        String value;
        if (byTime) {
            dimension = r.filterDimension() == null ? "all" : r.filterDimension();
            value = r.filterDimension() == null ? "all" : r.filterValue();
        } else {
            dimension = r.groupBy().wire();
            value = r.filterValue();
        }
        Map<String, MetricsRow> rows = new LinkedHashMap<>();
        if (byTime) for (LocalDate d : r.days()) rows.computeIfAbsent(timeKey(d, r.groupBy()), MetricsRow::new);
        for (DailyAggregate a : read(r.days(), dimension, value)) {
            String key = byTime ? timeKey(a.key().day(), r.groupBy()) : a.key().dimensionValue();
            rows.computeIfAbsent(key, MetricsRow::new).add(a);
        }
        attachBacklog(r, byTime, dimension, value, rows);
        List<MetricsRow> ordered = new ArrayList<>(rows.values());
        if (!byTime) {
            // a value every ticket moved out of (a corrected intent, a raised priority, a first response taken back
            // by a late one) keeps an aggregate of zeros: it is no row of the report; days are rows even when empty
            ordered.removeIf(row -> !row.hasFigures());
            ordered.sort((x, y) -> x.key().compareTo(y.key()));
        }
        return new Report(r.from(), r.to(), zone, ordered);
    }

    /** Each day's aggregates from the generation that serves it: one read of the generations, then one per day. */
    private List<DailyAggregate> read(List<LocalDate> days, String dimension, String value) {
        MetricsGenerations generations = store.generations();
        Map<Integer, List<LocalDate>> daysOf = new TreeMap<>();
        for (LocalDate d : days) daysOf.computeIfAbsent(generations.servingOf(d), g -> new ArrayList<>()).add(d);
        List<DailyAggregate> out = new ArrayList<>();
        daysOf.forEach((g, ds) -> out.addAll(store.generation(g).read(ds, dimension, value)));
        return out;
    }

    /**
     * Each row gets the census of its last day: a day's own, a week's last day in the range, a dimension
     * value's at the end of the range. A value with open work but no figures in the range gets a row too
     * (except unassigned work in the agent table).
     */
    private void attachBacklog(MetricsRequest r, boolean byTime, String dimension, String value, Map<String, MetricsRow> rows) {
        // the row each census belongs to, by the day it was taken: a row's days come in order, the last one wins
        Map<LocalDate, String> rowOfLastDay = new LinkedHashMap<>();
        if (byTime) {
            Map<String, LocalDate> lastDayOfRow = new LinkedHashMap<>();
            for (LocalDate d : r.days()) lastDayOfRow.put(timeKey(d, r.groupBy()), d);
            lastDayOfRow.forEach((key, day) -> rowOfLastDay.put(day, key));
        } else {
            rowOfLastDay.put(r.to(), null);
        }
        for (Backlog b : store.backlog(new ArrayList<>(rowOfLastDay.keySet()), dimension, value)) {
            String key = byTime ? rowOfLastDay.get(b.day()) : b.dimension().substring(b.dimension().indexOf('#') + 1);
            if (r.groupBy() == MetricsRequest.GroupBy.AGENT && MetricsDefinitions.UNKNOWN.equals(key)) continue;
            rows.computeIfAbsent(key, MetricsRow::new).backlog(b);
        }
    }

    /** The per-agent table: one row per agent who responded, resolved or was rated in the range, the AI as {@code ai}. */
    public Report agents(LocalDate from, LocalDate to) {
        return report(new MetricsRequest(from, to, MetricsRequest.GroupBy.AGENT, null, null));
    }

    /** A day as {@code 2026-11-22}; a week as its ISO week {@code 2026-W47}. */
    static String timeKey(LocalDate day, MetricsRequest.GroupBy groupBy) {
        if (groupBy == MetricsRequest.GroupBy.DAY) return day.toString();
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
