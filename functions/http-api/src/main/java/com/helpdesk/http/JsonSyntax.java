package com.helpdesk.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body as a JSON tree and, when it cannot, says why in the API's own words: where (line,
 * column and the JSON pointer of the value being read) and which limit, never the parser's class or
 * setting names. The parser's limits (nesting, number and string length) are the project mapper's.
 */
final class JsonSyntax {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'", Pattern.DOTALL);
    /** What may never reach a client: the parser's own names. */
    private static final Pattern INTERNAL = Pattern.compile("`|jackson|fasterxml|StreamRead|JsonToken|Constraints|\\[Source",
            Pattern.CASE_INSENSITIVE);

    private JsonSyntax() {}

    static JsonNode read(byte[] body) {
        JsonParser parser = null;
        try {
            parser = Json.mapper().createParser(body);
            return Json.mapper().readTree(parser);
        } catch (JsonProcessingException e) {
            throw problem(e, parser);
        } catch (IOException e) {
            throw HttpProblem.badRequest("the request body could not be read");
        } finally {
            close(parser);
        }
    }

    private static HttpProblem problem(JsonProcessingException e, JsonParser parser) {
        String pointer = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
        String where = (at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + (pointer.isEmpty() ? "" : " (" + pointer + ")");
        String reason = reason(e);
        String field = pointer.isEmpty() ? "body" : pointer;
        return new HttpProblem(400, "bad-request", "Bad Request", "the request body is not valid JSON" + where + ": " + reason,
                List.of(Map.of("field", field, "in", "body", "reason", reason)), Map.of());
    }

    static String reason(JsonProcessingException e) {
        StreamReadConstraints limits = Json.mapper().getFactory().streamReadConstraints();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.startsWith("Document nesting depth")) return "it nests objects and arrays deeper than " + limits.getMaxNestingDepth() + " levels";
            if (message.startsWith("Number value length")) return "a number is longer than " + limits.getMaxNumberLength() + " characters";
            if (message.startsWith("String value length")) return "a string is longer than " + limits.getMaxStringLength() + " characters";
            if (message.startsWith("Name length")) return "a key is longer than " + limits.getMaxNameLength() + " characters";
            return "it exceeds a size limit of the API";
        }
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) return "the key \"" + shorten(dup.group(1)) + "\" appears more than once in the same object";
        if (e instanceof JsonEOFException) return "the body ends before the JSON value is complete";
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) return "the body is not valid UTF-8";
        String first = message.split("\\R", 2)[0];
        if (INTERNAL.matcher(first).find() || first.isBlank()) return "unexpected content";
        return shorten(first);
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    private static void close(JsonParser parser) {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException ignored) {
            // a byte-array parser holds nothing to release
        }
    }
}
