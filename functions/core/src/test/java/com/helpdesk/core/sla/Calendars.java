package com.helpdesk.core.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test calendars written tersely ("mon-fri 09:00-12:30 13:30-18:00"), built through the wire parser. */
final class Calendars {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private Calendars() {}

    /** {@code specs}: "mon-fri 09:00-18:00", "sat 10:00-14:00", "daily 00:00-24:00"; a later spec for a day adds to it. */
    static BusinessCalendar hours(String zone, List<String> holidays, String... specs) {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String spec : specs) {
            String[] parts = spec.trim().split("\\s+");
            List<List<String>> intervals = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) intervals.add(List.of(parts[i].split("-")));
            for (String day : days(parts[0])) {
                @SuppressWarnings("unchecked") List<List<String>> existing = (List<List<String>>) weekly.computeIfAbsent(day, d -> new ArrayList<>());
                existing.addAll(intervals);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test " + zone);
        body.put("timezone", zone);
        body.put("weekly", weekly);
        body.put("holidays", holidays);
        return BusinessCalendarWire.fromWire("test", body);
    }

    static BusinessCalendar hours(String zone, String... specs) {
        return hours(zone, List.of(), specs);
    }

    private static List<String> days(String range) {
        if (range.equals("daily")) return DAYS;
        String[] ends = range.split("-");
        int from = DAYS.indexOf(ends[0]);
        int to = DAYS.indexOf(ends[ends.length - 1]);
        if (from < 0 || to < from) throw new IllegalArgumentException(range);
        return DAYS.subList(from, to + 1);
    }
}
