package com.helpdesk.core.triage;

import java.time.Instant;

/**
 * Turns a prediction into a ticket's intent. At or above {@code threshold} the best intent is the ticket's
 * (and becomes its tag); below it the ticket only gets the three best as suggestions: low confidence never
 * tags silently.
 */
public final class IntentPolicy {
    public static final double DEFAULT_THRESHOLD = 0.6;
    public static final int SUGGESTIONS = 3;
    private final double threshold;

    public IntentPolicy(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("the intent threshold must be within (0, 1]: " + threshold);
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public Intent decide(IntentPrediction p, Instant at) {
        IntentScore best = p.best();
        if (best.confidence() >= threshold) {
            return new Intent(best.name(), best.confidence(), IntentSource.AUTO, p.language(), p.model(), java.util.List.of(), null, at);
        }
        return new Intent(null, best.confidence(), IntentSource.AUTO, p.language(), p.model(), p.top(SUGGESTIONS), null, at);
    }
}
