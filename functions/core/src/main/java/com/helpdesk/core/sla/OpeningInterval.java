package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening interval of a day, as wall-clock minutes in the calendar's zone: open from
 * {@code opensAt} (inclusive) to {@code closesAt} (exclusive), where {@code closesAt} may be
 * {@link #END_OF_DAY} ("24:00", the next day's midnight). Minutes, not {@link LocalTime}, because
 * LocalTime cannot say "24:00" and opening hours are written to the minute.
 */
public record OpeningInterval(int opensAt, int closesAt) implements Comparable<OpeningInterval> {
    /** Minutes in a wall-clock day: "24:00". */
    public static final int END_OF_DAY = 24 * 60;
    private static final Pattern HH_MM = Pattern.compile("^([01][0-9]|2[0-4]):([0-5][0-9])$");

    public OpeningInterval {
        if (opensAt < 0 || opensAt >= END_OF_DAY) throw new IllegalArgumentException("opens at minute " + opensAt + ", not within 00:00-23:59");
        if (closesAt <= opensAt || closesAt > END_OF_DAY) throw new IllegalArgumentException("closes at minute " + closesAt + ", not after " + opensAt + " and by 24:00");
    }

    /** Parses "HH:mm" ("24:00" included) to minutes since midnight; empty for anything else. */
    public static Optional<Integer> parseTime(String text) {
        if (text == null) return Optional.empty();
        Matcher m = HH_MM.matcher(text);
        if (!m.matches()) return Optional.empty();
        int minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        return minutes <= END_OF_DAY ? Optional.of(minutes) : Optional.empty();
    }

    /** "HH:mm", with "24:00" for the end of the day. */
    public static String formatTime(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** The wall-clock length: what the interval counts on a day without a daylight-saving change. */
    public Duration length() {
        return Duration.ofMinutes(closesAt - opensAt);
    }

    public boolean overlaps(OpeningInterval other) {
        return opensAt < other.closesAt && other.opensAt < closesAt;
    }

    @Override
    public int compareTo(OpeningInterval other) {
        return opensAt != other.opensAt ? Integer.compare(opensAt, other.opensAt) : Integer.compare(closesAt, other.closesAt);
    }

    @Override
    public String toString() {
        return formatTime(opensAt) + "-" + formatTime(closesAt);
    }
}
