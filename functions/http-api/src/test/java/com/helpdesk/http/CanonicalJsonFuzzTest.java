package com.helpdesk.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of the canonical form that Idempotency-Key compares ({@link CanonicalJson}): arbitrary bytes as a
 * request body. Regression mode (seeds in src/test/resources/com/helpdesk/http/CanonicalJsonFuzzTestInputs/body) in the
 * normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: every body gets a fingerprint (never an exception: the
 * route, not the comparison, refuses what is not JSON), the same body always the same one; and for JSON, the
 * canonical form is JSON meaning the same, is its own canonical form, and does not change when the object keys are
 * written in another order or with other whitespace.
 */
class CanonicalJsonFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void body(byte[] body) {
        String fingerprint = CanonicalJson.fingerprint(body);
        assertThat(fingerprint).matches("[0-9a-f]{64}").isEqualTo(CanonicalJson.fingerprint(body.clone()));
        JsonNode parsed = parsed(body);
        if (parsed == null || parsed.isMissingNode()) return; // no JSON value: fingerprinted as its bytes, refused by the route
        String canonical = CanonicalJson.canonical(parsed);
        JsonNode reparsed = parsed(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(reparsed).as("the canonical form is JSON: %s", canonical).isNotNull();
        assertThat(CanonicalJson.canonical(reparsed)).isEqualTo(canonical);
        assertThat(CanonicalJson.fingerprint(canonical.getBytes(StandardCharsets.UTF_8))).isEqualTo(fingerprint);
        byte[] reordered = (" \n" + pretty(reversed(parsed)) + "\t").getBytes(StandardCharsets.UTF_8);
        assertThat(CanonicalJson.fingerprint(reordered)).as("keys reordered, whitespace changed").isEqualTo(fingerprint);
    }

    private static JsonNode parsed(byte[] body) {
        try {
            return Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Indented, and every character past ASCII escaped (a lone surrogate has no UTF-8 bytes of its own). */
    private static String pretty(JsonNode n) {
        try {
            return Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).withDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same value with every object's keys in reverse order. */
    private static JsonNode reversed(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.reverse(keys);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String k : keys) out.set(k, reversed(n.get(k)));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            n.forEach(e -> out.add(reversed(e)));
            return out;
        }
        return n;
    }
}
