package com.helpdesk.core.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One aggregate: a day in the team's time zone and a dimension value, written {@code <dimension>#<value>}
 * ({@code all#all}, {@code channel#email}, {@code agent#alice}, {@code agent#ai}).
 */
public record AggregateKey(LocalDate day, String dimension) implements Comparable<AggregateKey> {

    public static final String ALL = "all#all";

    public AggregateKey {
        Objects.requireNonNull(day, "day");
        if (dimension == null || dimension.indexOf('#') <= 0) throw new IllegalArgumentException("dimension must be <name>#<value>: " + dimension);
    }

    public static String dimension(String name, String value) {
        return name + "#" + value;
    }

    /** The dimension's name, e.g. {@code channel}. */
    public String dimensionName() {
        return dimension.substring(0, dimension.indexOf('#'));
    }

    /** The dimension's value, e.g. {@code email}. */
    public String dimensionValue() {
        return dimension.substring(dimension.indexOf('#') + 1);
    }

    @Override
    public int compareTo(AggregateKey o) {
        int byDay = day.compareTo(o.day);
        return byDay != 0 ? byDay : dimension.compareTo(o.dimension);
    }
}
