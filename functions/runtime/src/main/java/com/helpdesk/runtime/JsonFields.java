package com.helpdesk.runtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One JSON object's fields read from Jackson's tree by type, for the codecs that read a stored or queued record field
 * by field instead of binding it by reflection (a cold function's first binding of a nested record costs tens of
 * milliseconds; reading the tree, about none). An absent field and JSON null read as none; a value of the wrong type
 * is refused with an IllegalArgumentException naming its path ({@code requester.email}, {@code threadKeys[0].key}).
 */
public record JsonFields(JsonNode node, String path) {
    /** The document's root object; {@code what} names it in the refusal ("the body is not a JSON object"). */
    public static JsonFields root(JsonNode node, String what) {
        if (node == null || !node.isObject()) throw refused(what, "is not a JSON object");
        return new JsonFields(node, "");
    }

    /** A nested object at {@code path}. */
    public static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) throw refused(path, "is not a JSON object");
        return new JsonFields(node, path);
    }

    public static IllegalArgumentException refused(String path, String problem) {
        return new IllegalArgumentException(path + " " + problem);
    }

    private JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public String text(String field) {
        return textValue(value(field), at(field));
    }

    public static String textValue(JsonNode v, String path) {
        if (v == null) return null;
        if (!v.isTextual()) throw refused(path, "is not a string");
        return v.textValue();
    }

    public boolean bool(String field) {
        JsonNode v = value(field);
        if (v == null) return false;
        if (!v.isBoolean()) throw refused(at(field), "is not true or false");
        return v.booleanValue();
    }

    public long number(String field) {
        JsonNode v = value(field);
        if (v == null) return 0;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw refused(at(field), "is not a whole number");
        return v.longValue();
    }

    public double decimal(String field) {
        JsonNode v = value(field);
        if (v == null) return 0;
        if (!v.isNumber()) throw refused(at(field), "is not a number");
        return v.doubleValue();
    }

    public Instant instant(String field) {
        String s = text(field);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw refused(at(field), "is not an ISO-8601 instant");
        }
    }

    /** An enum constant by its exact name, as Jackson's binding reads one. */
    public <E extends Enum<E>> E constant(String field, Class<E> type) {
        String s = text(field);
        if (s == null) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(s)) return e;
        throw refused(at(field), "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    public <T> T object(String field, BiFunction<JsonNode, String, T> reader) {
        JsonNode v = value(field);
        return v == null ? null : reader.apply(v, at(field));
    }

    public <T> List<T> list(String field, BiFunction<JsonNode, String, T> element) {
        JsonNode v = value(field);
        if (v == null) return null;
        if (!v.isArray()) throw refused(at(field), "is not a list");
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String where = at(field) + "[" + i + "]";
            T t = v.get(i).isNull() ? null : element.apply(v.get(i), where);
            if (t == null) throw refused(where, "is null");
            out.add(t);
        }
        return out;
    }

    public static Map<String, String> textMap(JsonNode v, String path) {
        if (!v.isObject()) throw refused(path, "is not a JSON object");
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) throw refused(path + "." + e.getKey(), "is null");
            out.put(e.getKey(), textValue(e.getValue(), path + "." + e.getKey()));
        });
        return out;
    }
}
