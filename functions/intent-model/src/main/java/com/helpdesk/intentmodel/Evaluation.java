package com.helpdesk.intentmodel;

import com.helpdesk.core.triage.IntentName;

import java.util.Locale;

/** Held-out figures of the intent model: the confusion matrix and per-intent precision, recall and F1. */
public final class Evaluation {
    private static final IntentName[] NAMES = IntentName.values();
    private final int[][] confusion = new int[NAMES.length][NAMES.length];
    private int total;
    private int correct;

    public void add(IntentName actual, IntentName predicted) {
        confusion[actual.ordinal()][predicted.ordinal()]++;
        total++;
        if (actual == predicted) correct++;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double precision(IntentName n) {
        int predicted = 0;
        for (int[] row : confusion) predicted += row[n.ordinal()];
        return predicted == 0 ? 0 : (double) confusion[n.ordinal()][n.ordinal()] / predicted;
    }

    public double recall(IntentName n) {
        int actual = 0;
        for (int c : confusion[n.ordinal()]) actual += c;
        return actual == 0 ? 0 : (double) confusion[n.ordinal()][n.ordinal()] / actual;
    }

    public double f1(IntentName n) {
        double p = precision(n);
        double r = recall(n);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (IntentName n : NAMES) sum += f1(n);
        return sum / NAMES.length;
    }

    public int support(IntentName n) {
        int actual = 0;
        for (int c : confusion[n.ordinal()]) actual += c;
        return actual;
    }

    /** Markdown: a per-intent table, the macro figures, and the confusion matrix (rows: labelled, columns: predicted). */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| intent | precision | recall | F1 | held-out examples |\n| --- | --- | --- | --- | --- |\n");
        for (IntentName n : NAMES) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %.2f | %d |%n", n.wire(), precision(n), recall(n), f1(n), support(n)));
        }
        sb.append(String.format(Locale.ROOT, "%nAccuracy %.3f, macro F1 %.3f on %d held-out examples.%n%n", accuracy(), macroF1(), total));
        sb.append("Confusion matrix (rows: labelled intent, columns: predicted, in the order of the rows):\n\n| |");
        for (int i = 0; i < NAMES.length; i++) sb.append(' ').append(i + 1).append(" |");
        sb.append("\n| --- |");
        sb.append(" --- |".repeat(NAMES.length));
        sb.append('\n');
        for (IntentName actual : NAMES) {
            sb.append("| ").append(actual.ordinal() + 1).append(' ').append(actual.wire()).append(" |");
            for (int c : confusion[actual.ordinal()]) sb.append(' ').append(c == 0 ? "." : Integer.toString(c)).append(" |");
            sb.append('\n');
        }
        return sb.toString();
    }
}
