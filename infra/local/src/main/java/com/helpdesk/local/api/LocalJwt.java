package com.helpdesk.local.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The local identity provider and the JWT authorizer's checks: RS256 tokens signed with a key made at
 * start, checked for signature, expiry, issuer and audience as API Gateway's JWT authorizer does.
 */
public final class LocalJwt {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private final RSAKey key;
    private final String issuer;
    private final Supplier<Instant> clock;

    public LocalJwt(String issuer, Supplier<Instant> clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.issuer = issuer;
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public record Issued(String token, Instant expiresAt) {}

    public Issued issue(String subject, String role, String audience) {
        return issue(subject, role, audience, clock.get());
    }

    /** A token as if issued at {@code now}: one issued more than {@link #LIFETIME} ago is refused as expired. */
    public Issued issue(String subject, String role, String audience, Instant now) {
        Instant exp = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .claim("role", role)
                .claim("cognito:groups", List.of(role))
                .claim("token_use", "access")
                .claim("client_id", audience)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return new Issued(jwt.serialize(), exp);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Any payload signed with this provider's key, as only its holder could: lets the fuzz test reach the checks
     * that come after the signature with claims the provider would never issue.
     */
    String signPayload(byte[] payload) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new com.nimbusds.jose.Payload(payload));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims when it is valid for one of the audiences; otherwise the reason it is not. */
    public Map<String, Object> verify(String token, List<String> audiences) throws InvalidToken {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidToken("the token is not a JWT");
        }
        try {
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw new InvalidToken("the token's signature is not valid");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date now = Date.from(clock.get());
            if (c.getExpirationTime() == null || !now.before(c.getExpirationTime())) throw new InvalidToken("the token has expired");
            if (c.getNotBeforeTime() != null && now.before(c.getNotBeforeTime())) throw new InvalidToken("the token is not valid yet");
            if (!issuer.equals(c.getIssuer())) throw new InvalidToken("the token was issued by " + c.getIssuer() + ", not " + issuer);
            Object clientId = c.getClaim("client_id");
            boolean audienceOk = audiences.isEmpty() || c.getAudience().stream().anyMatch(audiences::contains)
                    || (clientId != null && audiences.contains(String.valueOf(clientId)));
            if (!audienceOk) throw new InvalidToken("the token is not for this API (audience)");
            return c.getClaims();
        } catch (JOSEException | ParseException e) {
            throw new InvalidToken("the token could not be verified");
        }
    }

    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message, null, false, false);
        }
    }
}
