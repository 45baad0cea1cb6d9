package com.helpdesk.core.triage;

/**
 * The port to an intent model: on-device by default (the model trained at build time), another implementation
 * (a hosted model) can stand behind it. Implementations are thread-safe and load their model once.
 */
public interface IntentClassifier {
    /** Scores every intent for a customer's subject (may be null or blank) and text. */
    IntentPrediction classify(String subject, String text);
}
