package com.helpdesk.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.JsonReadFailure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body as a JSON tree and, when it cannot, says why in the API's own words: where (line,
 * column and the JSON pointer of the value being read) and which limit, never the parser's class or
 * setting names. The parser's limits (nesting, number and string length) are the project mapper's.
 */
final class JsonSyntax {
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
        return JsonReadFailure.reason(e);
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
