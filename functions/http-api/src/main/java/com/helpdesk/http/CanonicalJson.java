package com.helpdesk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * One spelling per JSON value, so two bodies that mean the same are the same request (Idempotency-Key):
 * object keys sorted recursively, no insignificant whitespace, numbers by value (1, 1.0 and 1e0 alike),
 * strings escaped one way. A body that is not JSON is fingerprinted as its bytes (the route refuses it).
 */
public final class CanonicalJson {
    private static final ObjectReader EXACT_NUMBERS = Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalJson() {}

    /** The SHA-256 (hex) of the body's canonical form. */
    public static String fingerprint(byte[] body) {
        byte[] canonical;
        try {
            JsonNode root = EXACT_NUMBERS.readTree(body);
            canonical = root == null ? body : canonical(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException notJson) {
            canonical = body;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) out.append(',');
                out.append(quote(keys.get(i))).append(':');
                write(n.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) out.append(',');
                write(n.get(i), out);
            }
            out.append(']');
        } else if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            // toString, not toPlainString: 1e999999 must stay short
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
        } else if (n.isTextual()) {
            out.append(quote(n.textValue()));
        } else {
            out.append(n.toString()); // true, false, null
        }
    }

    /**
     * The string as JSON, with an unpaired surrogate ("\ud800" in the body) kept as its escape: written raw it would
     * become '?' in UTF-8, and two different bodies would have one fingerprint (found by CanonicalJsonFuzzTest).
     */
    private static String quote(String s) {
        String quoted;
        try {
            quoted = Json.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = null;
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < quoted.length() && Character.isLowSurrogate(quoted.charAt(i + 1));
            if (paired) {
                if (out != null) out.append(c).append(quoted.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) out = new StringBuilder(quoted.length() + 8).append(quoted, 0, i);
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? quoted : out.toString();
    }
}
