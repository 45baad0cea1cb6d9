package com.helpdesk.core.triage;

/** One intent with the probability the classifier gives it (0..1). */
public record IntentScore(IntentName name, double confidence) {
    public IntentScore {
        if (name == null) throw new IllegalArgumentException("intent name is required");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
}
