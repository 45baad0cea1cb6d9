package com.helpdesk.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.runtime.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A key ring as a secret's string: {@code {"id":"k0","key":"...","previous":[{"id":..,"key":..,"validUntil":"<ISO-8601>"}]}}.
 * The template's {@code GenerateSecretString} makes the first one, {@code {"id":"k0","key":"<64 random characters>"}},
 * so a stack never runs with a key anyone typed. Errors name the secret and the field, never a key.
 */
final class KeyRingJson {
    private KeyRingJson() {}

    static KeyRing read(String secretId, String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (Exception e) {
            throw invalid(secretId, "is not JSON");
        }
        if (root == null || !root.isObject()) throw invalid(secretId, "is not a JSON object");
        SigningKey current = key(secretId, root, "");
        List<KeyRing.Retired> previous = new ArrayList<>();
        JsonNode list = root.path("previous");
        if (!list.isMissingNode() && !list.isArray()) throw invalid(secretId, "has a \"previous\" that is not a list");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String where = "previous[" + i + "].";
            SigningKey k = key(secretId, p, where);
            try {
                previous.add(new KeyRing.Retired(k, Instant.parse(p.path("validUntil").asText(""))));
            } catch (DateTimeParseException e) {
                throw invalid(secretId, "has no ISO-8601 instant in " + where + "validUntil");
            }
        }
        try {
            return new KeyRing(current, previous);
        } catch (IllegalArgumentException e) {
            throw invalid(secretId, e.getMessage());
        }
    }

    static String write(KeyRing ring) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", ring.current().id());
        root.put("key", ring.current().text());
        ArrayNode previous = root.putArray("previous");
        for (KeyRing.Retired r : ring.previous()) {
            previous.addObject().put("id", r.key().id()).put("key", r.key().text()).put("validUntil", r.validUntil().toString());
        }
        return root.toString();
    }

    private static SigningKey key(String secretId, JsonNode node, String where) {
        JsonNode id = node.path("id");
        JsonNode key = node.path("key");
        if (!id.isTextual() || !key.isTextual()) throw invalid(secretId, "has no string " + where + "id and " + where + "key");
        try {
            return SigningKey.ofText(id.asText(), key.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(secretId, "has an unusable " + where + "id or key: " + e.getMessage());
        }
    }

    private static IllegalStateException invalid(String secretId, String what) {
        return new IllegalStateException("the signing key secret " + secretId + " " + what);
    }
}
