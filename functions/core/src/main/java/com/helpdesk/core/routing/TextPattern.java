package com.helpdesk.core.routing;

import com.helpdesk.core.ValidationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule's {@code textMatches}: a Java regular expression, case-insensitive, found anywhere in the ticket's subject
 * and customer text. An admin's pattern runs on customers' text, and a backtracking engine can take exponential
 * time on a pattern like {@code (a+)+$} against the wrong input (ReDoS), stalling the routing function for every
 * ticket. So the pattern is short ({@link #MAX_LENGTH}), the text is cut at {@link #MAX_TEXT}, and a match may read
 * the text at most {@link #STEP_BUDGET} times: the engine reads the input through {@code charAt}, so counting those
 * reads bounds its work deterministically (no clock, no thread), and a match over budget is "no match".
 */
public final class TextPattern {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_TEXT = 20_000;
    /** Ample for a linear scan of {@link #MAX_TEXT} characters by any sane pattern; far below a catastrophic one. */
    static final long STEP_BUDGET = 2_000_000;

    private final String source;
    private final Pattern pattern;

    private TextPattern(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    public static TextPattern compile(String field, String source) {
        if (source == null || source.isEmpty()) throw new ValidationException(field, "must not be empty");
        if (source.length() > MAX_LENGTH) throw new ValidationException(field, "is longer than " + MAX_LENGTH + " characters");
        try {
            return new TextPattern(source, Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            throw new ValidationException(field, "is not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    public String source() {
        return source;
    }

    /** Whether the pattern is found in {@code text}; false as well when the match ran over its budget. */
    public boolean foundIn(String text) {
        if (text == null) return false;
        String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Matcher m = pattern.matcher(new BudgetedText(bounded, STEP_BUDGET));
        try {
            return m.find();
        } catch (OverBudget e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextPattern other && other.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("the pattern ran over its budget", null, false, false);
        }
    }

    /** The text, counting the engine's reads. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final long[] left;

        BudgetedText(String text, long budget) {
            this(text, new long[] {budget});
        }

        private BudgetedText(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) throw new OverBudget();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
