package com.helpdesk.core.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shape of an intent, the same in {@code GET /tickets/{id}} and in the IntentClassified event. */
public final class IntentWire {
    private IntentWire() {}

    public static Map<String, Object> of(Intent intent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", intent.name() == null ? null : intent.name().wire());
        m.put("confidence", round(intent.confidence()));
        m.put("source", intent.source().wire());
        m.put("language", intent.language());
        m.put("model", intent.model());
        m.put("suggestions", scores(intent.suggestions()));
        m.put("tag", intent.tag());
        if (intent.correction() != null) {
            Intent.Correction c = intent.correction();
            Map<String, Object> corr = new LinkedHashMap<>();
            corr.put("modelSaid", c.modelSaid() == null ? null : c.modelSaid().wire());
            corr.put("modelConfidence", round(c.modelConfidence()));
            corr.put("modelSuggestions", scores(c.modelSuggestions()));
            corr.put("by", c.by());
            m.put("correction", corr);
        }
        m.put("at", intent.at() == null ? null : intent.at().toString());
        return m;
    }

    public static List<Map<String, Object>> scores(List<IntentScore> scores) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IntentScore s : scores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intent", s.name().wire());
            m.put("confidence", round(s.confidence()));
            out.add(m);
        }
        return out;
    }

    /** Three decimals: more is noise, and a stable figure keeps events and ETags comparable. */
    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
