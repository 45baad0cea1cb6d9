package com.helpdesk.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table every benchmark adds to: a measure, the figure, its baseline measured in the same run, and
 * their ratio. Ratios, never absolute times, are what to compare across runs: these machines are shared.
 */
public final class Report {
    public record Row(String part, String measure, String value, String baseline, double ratio, String goal) {}

    private final List<Row> rows = new ArrayList<>();

    public void add(String part, String measure, String value, String baseline, double ratio, String goal) {
        rows.add(new Row(part, measure, value, baseline, ratio, goal));
        System.out.printf("  [%s] %s: %s vs %s = %.2fx%n", part, measure, value, baseline, ratio);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void print() {
        System.out.println();
        System.out.println("| part | measure | value | baseline (same run) | ratio | goal |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Row r : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", r.part(), r.measure(), r.value(), r.baseline(),
                    Double.isNaN(r.ratio()) ? "-" : String.format("%.2fx", r.ratio()), r.goal());
        }
    }

    /** The median of several rounds: one slow round on a busy machine does not move it. */
    public static double median(List<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        if (sorted.isEmpty()) return Double.NaN;
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
