package com.helpdesk.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading template.yaml's parsed values (maps, lists, scalars as YAML gives them) the same way everywhere in the stack. */
final class TemplateValues {
    private TemplateValues() {}

    /** The maps of a list (anything else in it is skipped); an absent or non-list value is empty. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object x : l) if (x instanceof Map) out.add((Map<String, Object>) x);
        return out;
    }

    /** A list of strings, or a single value as a list of one (a mutable copy). */
    static List<String> strings(Object o) {
        if (o == null) return new ArrayList<>();
        if (o instanceof List<?> l) return new ArrayList<>(l.stream().map(String::valueOf).toList());
        return new ArrayList<>(List.of(String.valueOf(o)));
    }

    static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }

    static int intOr(Object v, int fallback) {
        return v == null ? fallback : Integer.parseInt(String.valueOf(v));
    }
}
