package com.helpdesk.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.core.port.KeyRingSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of list cursors ({@link CursorCodec}), which clients send back as they like.
 * Regression mode (seeds in src/test/resources/com/helpdesk/store/CursorFuzzTestInputs/&lt;method&gt;) in
 * the normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: a cursor decodes to positions that fit
 * the query, or is refused with a {@link ValidationException} on the field {@code cursor} (400).
 * {@code signedPayload} signs the fuzzed payload with the key, so what is read after the signature is fuzzed too.
 */
class CursorFuzzTest {
    private static final byte[] KEY = "cursor-fuzz-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String QUERY = CursorCodec.fingerprint("status=open");
    private static final CursorCodec CODEC = new CursorCodec(KeyRingSource.fixed(KeyRing.of(new SigningKey("k0", KEY))), Clock.systemUTC());

    @FuzzTest(maxDuration = "60s")
    void cursor(byte[] data) {
        decodesOrRefused(new String(data, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    void signedPayload(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        decodesOrRefused("k0." + b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload)));
    }

    private static void decodesOrRefused(String cursor) {
        for (int partitions = 1; partitions <= 2; partitions++) {
            try {
                List<Map<String, AttributeValue>> positions = CODEC.decode(cursor, QUERY, partitions);
                assertThat(positions).hasSize(partitions);
                for (Map<String, AttributeValue> p : positions) {
                    if (p != null) p.values().forEach(v -> assertThat(v.s()).isNotNull());
                }
            } catch (ValidationException expected) {
                assertThat(expected.errors()).allSatisfy(e -> assertThat(e.field()).isEqualTo("cursor"));
            }
        }
    }
}
