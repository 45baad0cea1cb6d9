package com.helpdesk.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.core.port.KeyRingSource;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opaque list cursors: each partition's position plus a fingerprint of the query, signed with HMAC-SHA256.
 * A cursor that was tampered with, is garbage, or belongs to another query is refused as bad input.
 * Format (version 2): {@code <key id>.<payload>.<mac>}. Version 1 cursors ({@code <payload>.<mac>}, signed
 * with the table's key) are refused with "start again": a cursor lives as long as one listing.
 */
final class CursorCodec {
    private static final int VERSION = 2;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final KeyRingSource keys;
    private final Clock clock;

    CursorCodec(KeyRingSource keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @param positions per partition: the exclusive start key (string attributes only), or null when done */
    String encode(String fingerprint, List<Map<String, AttributeValue>> positions) {
        List<Map<String, String>> p = new ArrayList<>();
        for (Map<String, AttributeValue> pos : positions) {
            if (pos == null) {
                p.add(null);
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            pos.forEach((k, v) -> m.put(k, v.s()));
            p.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("v", VERSION);
        doc.put("q", fingerprint);
        doc.put("p", p);
        try {
            byte[] payload = Json.mapper().writeValueAsBytes(doc);
            SigningKey key = keys.ring().current();
            return key.id() + "." + B64.encodeToString(payload) + "." + B64.encodeToString(sign(key, payload));
        } catch (Exception e) {
            throw new IllegalStateException("cursor not encodable", e);
        }
    }

    List<Map<String, AttributeValue>> decode(String cursor, String fingerprint, int partitions) {
        String[] pieces = cursor.split("\\.", -1);
        if (pieces.length == 2) throw invalid("is from an older version of the API; start again");
        if (pieces.length != 3 || !SigningKey.ID.matcher(pieces[0]).matches()) throw invalid("is not a cursor this API issued");
        byte[] payload, signature;
        try {
            payload = B64D.decode(pieces[1]);
            signature = B64D.decode(pieces[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this API issued");
        }
        // a key replaced longer ago than its grace (hours, for something that lives one listing): start again
        SigningKey key = keys.verifyingKey(pieces[0], clock.instant())
                .orElseThrow(() -> invalid("has expired or was not issued by this API; start again"));
        if (!MessageDigest.isEqual(sign(key, payload), signature)) {
            throw invalid("has been altered or was not issued by this API");
        }
        Map<String, Object> doc;
        try {
            doc = Json.mapper().readValue(payload, new TypeReference<>() {});
        } catch (Exception e) {
            throw invalid("is not a cursor this API issued");
        }
        if (!Integer.valueOf(VERSION).equals(doc.get("v"))) throw invalid("is from an older version of the API; start again");
        if (!fingerprint.equals(doc.get("q"))) {
            throw invalid("belongs to a different query; use it with the same filters it was returned for");
        }
        Object p = doc.get("p");
        if (!(p instanceof List<?> list) || list.size() != partitions) throw invalid("does not fit this query");
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (Object o : list) {
            if (o == null) {
                out.add(null);
            } else if (o instanceof Map<?, ?> m) {
                Map<String, AttributeValue> pos = new LinkedHashMap<>();
                m.forEach((k, v) -> pos.put(String.valueOf(k), AttributeValue.fromS(String.valueOf(v))));
                out.add(pos);
            } else {
                throw invalid("does not fit this query");
            }
        }
        return out;
    }

    private static byte[] sign(SigningKey key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.material(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(String canonicalQuery) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(d, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationException invalid(String reason) {
        return new ValidationException("cursor", reason);
    }
}
