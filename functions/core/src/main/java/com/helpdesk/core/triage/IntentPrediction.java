package com.helpdesk.core.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a classifier says about one text: every intent it scored, best first, the language it read the text in
 * (ISO 639-1, e.g. {@code en}) and the version of the model that said it.
 */
public record IntentPrediction(List<IntentScore> ranked, String language, String model) {
    public IntentPrediction {
        if (ranked == null || ranked.isEmpty()) throw new IllegalArgumentException("a prediction scores at least one intent");
        List<IntentScore> sorted = new ArrayList<>(ranked);
        sorted.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        ranked = List.copyOf(sorted);
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model version is required");
    }

    public IntentScore best() {
        return ranked.get(0);
    }

    public List<IntentScore> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    public double confidenceOf(IntentName name) {
        return ranked.stream().filter(s -> s.name() == name).mapToDouble(IntentScore::confidence).findFirst().orElse(0);
    }
}
