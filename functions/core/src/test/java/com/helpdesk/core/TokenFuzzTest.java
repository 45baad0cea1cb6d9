package com.helpdesk.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.email.ReplyAddress;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of the domain's signed tokens: the survey link's {@link CsatToken} and the ticket's
 * {@link ReplyAddress}. Regression mode (seeds in src/test/resources/com/helpdesk/core/TokenFuzzTestInputs/&lt;method&gt;)
 * in the normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: a token is either genuine or refused with
 * the documented {@link CsatToken.Forged} (401); an address is a ticket's or not. Because a fuzzer cannot
 * forge an HMAC, {@code csatSignedPayload} also signs the fuzzed payload with the key, so what is read
 * after the signature check (reachable by whoever holds the key, or by a future format) is fuzzed too.
 */
class TokenFuzzTest {
    private static final byte[] KEY = "fuzz-key-0123456789abcdef0123456".getBytes(StandardCharsets.UTF_8);
    private static final CsatToken CSAT = new CsatToken(KEY);
    private static final ReplyAddress REPLY = new ReplyAddress(KEY, "support@help.example.com");

    @FuzzTest(maxDuration = "60s")
    void csatToken(byte[] data) {
        verifiesOrForged(new String(data, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    void csatSignedPayload(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        CsatToken.Claims claims = verifiesOrForged(b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload)));
        if (claims != null) assertThat(CSAT.verify(CSAT.sign(claims))).isEqualTo(claims);
    }

    @FuzzTest(maxDuration = "60s")
    void replyAddress(byte[] data) {
        String address = new String(data, StandardCharsets.UTF_8);
        OptionalLong number = REPLY.ticketNumber(address);
        if (number.isPresent()) {
            assertThat(number.getAsLong()).isNotNegative();
            assertThat(REPLY.ticketNumber(REPLY.forTicket(number.getAsLong()))).isEqualTo(number);
        }
    }

    private static CsatToken.Claims verifiesOrForged(String token) {
        try {
            CsatToken.Claims c = CSAT.verify(token);
            assertThat(c.ticketId()).isNotNull();
            assertThat(c.resolvedAt()).isNotNull();
            assertThat(c.expiresAt()).isNotNull();
            return c;
        } catch (CsatToken.Forged expected) {
            return null;
        }
    }
}
