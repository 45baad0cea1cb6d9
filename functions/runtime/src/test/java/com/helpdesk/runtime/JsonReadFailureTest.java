package com.helpdesk.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReadFailureTest {
    record Attachment(String name, long size) {}
    record Envelope(String id, Instant at, List<Attachment> attachments) {}

    private static JsonProcessingException failure(String json) {
        return assertThrows(JsonProcessingException.class, () -> Json.mapper().readValue(json, Envelope.class));
    }

    private static void assertNoInternals(String text) {
        for (String internal : List.of("`", "jackson", "java.", "Envelope", "Instant", "StreamRead", "[Source")) {
            assertFalse(text.toLowerCase().contains(internal.toLowerCase()), () -> "'" + text + "' names " + internal);
        }
    }

    @Test
    void aMistypedValueNamesItsFieldPathAndNoJavaType() {
        String described = JsonReadFailure.describe(failure("{\"id\":\"x\",\"attachments\":[{\"name\":\"a\",\"size\":1},{\"name\":\"b\",\"size\":\"big\"}]}"));
        assertEquals("a value has the wrong type or format (field attachments[1].size)", described);
    }

    @Test
    void aBadInstantNamesItsField() {
        String described = JsonReadFailure.describe(failure("{\"id\":\"x\",\"at\":\"yesterday\"}"));
        assertEquals("a value has the wrong type or format (field at)", described);
    }

    @Test
    void aSyntaxErrorSaysWhereWithoutParserWords() {
        String described = JsonReadFailure.describe(failure("{\"id\": \n nope}"));
        assertTrue(described.contains("(line 2, column"), described);
        assertNoInternals(described);
    }

    @Test
    void limitsAreStatedInPlainWords() {
        String deep = "[".repeat(70) + "]".repeat(70);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> Json.mapper().readTree(deep));
        assertEquals("it nests objects and arrays deeper than 64 levels", JsonReadFailure.reason(e));
    }

    @Test
    void duplicateKeysAndTruncationAreNamed() {
        assertTrue(JsonReadFailure.reason(failure("{\"id\":\"a\",\"id\":\"b\"}")).contains("\"id\" appears more than once"));
        assertEquals("the document ends before the JSON value is complete", JsonReadFailure.reason(failure("{\"id\":\"a\"")));
    }

    @Test
    void noFailureTextEverNamesTheParser() {
        for (String json : List.of("{\"id\":{}}", "{\"attachments\":{}}", "{\"at\":true}", "\"text\"", "{\"at\":\"2026-13-45T00:00:00Z\"}", "{\u0000}")) {
            JsonProcessingException e = failure(json);
            assertNoInternals(JsonReadFailure.describe(e));
        }
    }
}
