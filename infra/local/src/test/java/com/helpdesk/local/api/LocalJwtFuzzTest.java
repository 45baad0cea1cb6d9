package com.helpdesk.local.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Jazzer fuzz tests of the local stack's JWT authorizer ({@link LocalJwt}, what every bearer token on the local API
 * passes). Regression mode (seeds in src/test/resources/com/helpdesk/local/api/LocalJwtFuzzTestInputs/&lt;method&gt;)
 * in the normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: a token is refused with the documented
 * {@link LocalJwt.InvalidToken} (401) and its reason, never with another exception (a 500); a token the fuzzer made
 * is never accepted (it cannot sign with the provider's key: header swaps, "alg": "none" and HS256 with the public
 * key among them); and claims that do carry the key's signature (signed by the test, as only the provider could)
 * are accepted only when unexpired, from the issuer and for the audience, and reach the function as strings.
 */
class LocalJwtFuzzTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String ISSUER = "http://localhost:3000/_local";
    private static final List<String> AUDIENCES = List.of("helpdesk-local");
    private static final LocalJwt JWT = new LocalJwt(ISSUER, () -> NOW);
    private static final String GENUINE = JWT.issue("alice", "agent", "helpdesk-local").token();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @FuzzTest(maxDuration = "60s")
    void anyToken(byte[] data) {
        neverAccepted(new String(data, StandardCharsets.UTF_8));
    }

    /** A genuine token with one of its three parts replaced by the fuzzer's (raw, or base64url of what it wrote). */
    @FuzzTest(maxDuration = "60s")
    void alteredGenuineToken(FuzzedDataProvider data) {
        String[] parts = GENUINE.split("\\.");
        int part = data.consumeInt(0, 2);
        boolean encode = data.consumeBoolean();
        String replacement = data.consumeRemainingAsString();
        parts[part] = encode ? B64.encodeToString(replacement.getBytes(StandardCharsets.UTF_8)) : replacement;
        String token = String.join(".", parts);
        if (token.equals(GENUINE)) return;
        neverAccepted(token);
    }

    @FuzzTest(maxDuration = "60s")
    void signedClaims(byte[] payload) {
        String token = JWT.signPayload(payload);
        Map<String, Object> claims;
        try {
            claims = JWT.verify(token, AUDIENCES);
        } catch (LocalJwt.InvalidToken refused) {
            assertThat(refused.getMessage()).startsWith("the token");
            return;
        }
        assertThat(claims.get("iss")).isEqualTo(ISSUER);
        assertThat(claims.get("exp")).isInstanceOfSatisfying(Date.class, exp -> assertThat(exp.toInstant()).isAfter(NOW));
        Object aud = claims.get("aud");
        Object clientId = claims.get("client_id");
        boolean forThisApi = aud instanceof List<?> l && l.stream().anyMatch(AUDIENCES::contains) || AUDIENCES.contains(String.valueOf(aud))
                || clientId != null && AUDIENCES.contains(String.valueOf(clientId));
        assertThat(forThisApi).as("accepted only for this API's audience: %s", claims).isTrue();
        claims.values().forEach(v -> assertThat(HttpApiGateway.claimString(v)).isNotNull());
    }

    private static void neverAccepted(String token) {
        try {
            Map<String, Object> claims = JWT.verify(token, AUDIENCES);
            fail("a token not signed with the provider's key was accepted: " + token + " " + claims);
        } catch (LocalJwt.InvalidToken refused) {
            assertThat(refused.getMessage()).startsWith("the token");
        }
    }
}
