package com.helpdesk.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a JSON document could not be read, in the project's own words: which limit, which field, where.
 * These reasons reach API clients and dead-letter entries, so they never name the parser's classes,
 * settings or the Java types it was binding to.
 */
public final class JsonReadFailure {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);
    /** What may never leave the process: the parser's own names. */
    private static final Pattern INTERNAL = Pattern.compile("`|jackson|fasterxml|StreamRead|JsonToken|Constraints|\\[Source|java\\.",
            Pattern.CASE_INSENSITIVE);

    private JsonReadFailure() {}

    /** The reason alone, without the location. */
    public static String reason(JsonProcessingException e) {
        StreamReadConstraints limits = Json.mapper().getFactory().streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.startsWith("Document nesting depth")) return "it nests objects and arrays deeper than " + limits.getMaxNestingDepth() + " levels";
            if (message.startsWith("Number value length")) return "a number is longer than " + limits.getMaxNumberLength() + " characters";
            if (message.startsWith("String value length")) return "a string is longer than " + limits.getMaxStringLength() + " characters";
            if (message.startsWith("Name length")) return "a key is longer than " + limits.getMaxNameLength() + " characters";
            return "it exceeds a size limit";
        }
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) return "the key \"" + shorten(dup.group(1)) + "\" appears more than once in the same object";
        if (e instanceof JsonEOFException) return "the document ends before the JSON value is complete";
        if (message.contains("Invalid UTF-8")) return "the document is not valid UTF-8";
        if (e instanceof UnrecognizedPropertyException unknown) return "the key \"" + shorten(unknown.getPropertyName()) + "\" is not expected";
        if (e instanceof MismatchedInputException) return "a value has the wrong type or format";
        String first = message.split("\\R", 2)[0];
        if (INTERNAL.matcher(first).find() || first.isBlank()) return "unexpected content";
        return shorten(first);
    }

    /** The reason plus where it happened: the field path of a bound value, or the line and column of a syntax error. */
    public static String describe(JsonProcessingException e) {
        String field = field(e);
        if (!field.isEmpty()) return reason(e) + " (field " + field + ")";
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return reason(e) + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return reason(e);
    }

    /** The dotted path of the value being bound ("requester.email", "attachments[2].size"), or empty. */
    public static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) return "";
        return mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + shorten(r.getFieldName()) : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
