package com.helpdesk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Typed, strict reading of a JSON object body. Type errors and unknown fields are collected with their
 * JSON paths and reported together, so a client learns everything wrong with a request at once.
 */
public final class JsonBody {
    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonBody(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** Parses the request body as a JSON object; 415 for a non-JSON content type, 400 for bad JSON. */
    public static JsonBody parse(ApiRequest request) {
        String contentType = request.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported Media Type",
                    "send the body as application/json" + (contentType == null ? "" : " (got " + contentType + ")"));
        }
        if (request.body().length == 0) {
            throw HttpProblem.badRequest("the request body is empty; a JSON object is expected");
        }
        JsonNode root = JsonSyntax.read(request.body());
        if (root == null || !root.isObject()) {
            throw HttpProblem.badRequest("the request body must be a JSON object");
        }
        return new JsonBody((ObjectNode) root, "", new ArrayList<>());
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** A JSON true or false; null when absent or null. */
    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) return typeError(field, "true or false", v);
        return v.booleanValue();
    }

    /**
     * A single-line string (a subject, a name, an id): control characters, CR and LF among them, are
     * refused with the field named, so no consumer (a mail header, a log line, a CSV) can be tricked.
     */
    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) return typeError(field, "a string", v);
        return singleLine(qualify(field), v.textValue());
    }

    /**
     * A multi-line text (a message body, a comment): line breaks and tabs are kept (CRLF and a lone CR
     * become LF), other control characters are dropped.
     */
    public String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) return typeError(field, "a string", v);
        return TextFields.multiLine(v.textValue());
    }

    public String requiredText(String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            errors.add(new FieldError(qualify(field), "is required"));
            return null;
        }
        return text(field);
    }

    private String singleLine(String qualified, String value) {
        if (TextFields.isSingleLine(value)) return value;
        errors.add(new FieldError(qualified, TextFields.SINGLE_LINE_REASON));
        return null;
    }

    /** A whole number, or null when absent. */
    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) return typeError(field, "a whole number", v);
        return v.intValue();
    }

    public String requiredString(String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            errors.add(new FieldError(qualify(field), "is required"));
            return null;
        }
        return string(field);
    }

    /** An enum value; unknown values are reported with the allowed ones by the parser. */
    public <E> E enumValue(String field, BiFunction<String, String, E> parser) {
        String raw = string(field);
        if (raw == null) return null;
        try {
            return parser.apply(qualify(field), raw);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public List<String> stringList(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) return typeError(field, "an array of strings", v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) {
                errors.add(new FieldError(qualify(field) + "[" + i + "]", "must be a string, not " + describe(item)));
            } else {
                String ok = singleLine(qualify(field) + "[" + i + "]", item.textValue());
                if (ok != null) out.add(ok);
            }
        }
        return out;
    }

    public Map<String, String> stringMap(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) return typeError(field, "an object of strings", v);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                errors.add(new FieldError(qualify(field) + "." + e.getKey(), "must be a string"));
            } else if (!TextFields.isSingleLine(e.getKey())) {
                errors.add(new FieldError(qualify(field), "has a key with control characters; keys are single-line"));
            } else {
                String ok = singleLine(qualify(field) + "." + e.getKey(), e.getValue().textValue());
                if (ok != null) out.put(e.getKey(), ok);
            }
        }
        return out;
    }

    /** An array of objects, or null when absent; a wrong type (of the array or an item) is reported. */
    public List<JsonBody> objectList(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) return typeError(field, "an array of objects", v);
        List<JsonBody> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isObject()) errors.add(new FieldError(qualify(field) + "[" + i + "]", "must be an object, not " + describe(item)));
            else out.add(new JsonBody((ObjectNode) item, qualify(field) + "[" + i + "]", errors));
        }
        return out;
    }

    public Double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) return typeError(field, "a number", v);
        return v.doubleValue();
    }

    /** A nested object, or null when absent; a wrong type is reported. */
    public JsonBody object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) return typeError(field, "an object", v);
        return new JsonBody((ObjectNode) v, qualify(field), errors);
    }

    public JsonBody requiredObject(String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            errors.add(new FieldError(qualify(field), "is required"));
            return null;
        }
        return object(field);
    }

    /** Refuses fields the route does not know, naming read-only ones, so typos never pass silently. */
    public JsonBody allowOnly(Set<String> allowed, Set<String> readOnly) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (readOnly.contains(f)) {
                errors.add(new FieldError(qualify(f), "is read-only"));
            } else if (!allowed.contains(f)) {
                errors.add(new FieldError(qualify(f), "is not a known field (allowed: " + String.join(", ", allowed) + ")"));
            }
        }
        return this;
    }

    /** Throws the collected errors, if any. Call after reading every field. */
    public void done() {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private <T> T typeError(String field, String expected, JsonNode v) {
        errors.add(new FieldError(qualify(field), "must be " + expected + ", not " + describe(v)));
        return null;
    }

    private String qualify(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
