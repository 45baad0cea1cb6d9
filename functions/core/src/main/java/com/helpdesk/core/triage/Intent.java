package com.helpdesk.core.triage;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's intent. {@code name} is null when the classifier was not sure enough to say (under the
 * threshold): then {@code suggestions} holds its three best guesses and the ticket has no intent tag.
 * {@code confidence} is the probability of {@code name} (of the best suggestion when there is no name;
 * 1 when an agent set it). An agent's correction keeps what the model said in {@code correction}, so the
 * model's accuracy can be measured against what agents decided.
 */
public record Intent(IntentName name, double confidence, IntentSource source, String language, String model,
                     List<IntentScore> suggestions, Correction correction, Instant at) {
    /**
     * The namespace of intent tags: {@code intent:wismo}. Tags under it are written by triage (replaced when
     * the intent changes); any other tag stays the agents' own. Normalised tags keep the colon.
     */
    public static final String TAG_PREFIX = com.helpdesk.core.ticket.Ticket.INTENT_TAG_PREFIX;

    /** What the model had said when an agent changed the intent: its intent (null when it had none) and confidence. */
    public record Correction(IntentName modelSaid, double modelConfidence, List<IntentScore> modelSuggestions, String by) {
        public Correction {
            modelSuggestions = modelSuggestions == null ? List.of() : List.copyOf(modelSuggestions);
        }
    }

    public Intent {
        if (source == null) throw new IllegalArgumentException("source is required");
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /**
     * Whether this intent says what {@code other} says: the same verdict, scores, model and source, whenever each was
     * made. A ticket's creation and its first message each ask triage about the same words; the second answer
     * restates the first and is not recorded again.
     */
    public boolean restates(Intent other) {
        // field by field: a record's generated equals bootstraps method handles on its first call, ~50 ms of a cold
        // triage function's first classification
        return other != null && name == other.name && Double.compare(confidence, other.confidence) == 0 && source == other.source
                && java.util.Objects.equals(language, other.language) && java.util.Objects.equals(model, other.model)
                && sameScores(suggestions, other.suggestions) && java.util.Objects.equals(correction, other.correction);
    }

    private static boolean sameScores(List<IntentScore> a, List<IntentScore> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).name() != b.get(i).name() || Double.compare(a.get(i).confidence(), b.get(i).confidence()) != 0) return false;
        }
        return true;
    }

    /** The tag this intent puts on the ticket, or null when it puts none (below the threshold). */
    public String tag() {
        return name == null ? null : tagOf(name);
    }

    public static String tagOf(IntentName name) {
        return TAG_PREFIX + name.wire();
    }

    public static boolean isIntentTag(String tag) {
        return tag != null && tag.startsWith(TAG_PREFIX);
    }
}
