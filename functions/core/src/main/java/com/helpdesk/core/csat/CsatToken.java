package com.helpdesk.core.csat;

import com.helpdesk.core.DomainException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.core.port.KeyRingSource;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The survey link's token: which ticket, which resolution (its resolvedAt), and until when answers
 * count, signed with HMAC-SHA256 so it can be neither forged nor moved to another ticket. It carries
 * no personal data; the link is the only credential a customer has, so it stays unguessable.
 * Format: {@code <key id>.<payload>.<mac>}; links sent before keys had ids are {@code <payload>.<mac>}
 * and verify with the {@link SigningKey#LEGACY_ID} key while the ring accepts it.
 */
public final class CsatToken {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    public record Claims(String ticketId, Instant resolvedAt, Instant expiresAt) {}

    /** A token that is not ours (or was altered): 401. */
    public static final class Forged extends DomainException {
        public Forged() {
            super("this survey link is not valid");
        }
    }

    /** A genuine token whose window has closed, or whose resolution is no longer the ticket's: 410. */
    public static final class Expired extends DomainException {
        public Expired(String message) {
            super(message);
        }
    }

    private final KeyRingSource keys;
    private final Clock clock;

    /** One fixed key (tests): it also verifies links without a key id. */
    public CsatToken(byte[] key) {
        this(LegacyKeyFallback.single(key), Clock.systemUTC());
    }

    /** The ring is read on first use (building a function does no I/O); the clock decides which replaced keys still count. */
    public CsatToken(KeyRingSource keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String sign(Claims c) {
        String payload = c.ticketId() + "|" + c.resolvedAt().toEpochMilli() + "|" + c.expiresAt().getEpochSecond();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        SigningKey key = keys.ring().current();
        return key.id() + "." + B64.encodeToString(p) + "." + B64.encodeToString(mac(key, p));
    }

    /** The claims of a genuine token; expiry is the caller's call (it answers differently). */
    public Claims verify(String token) {
        if (token == null || token.length() > 512) throw new Forged();
        String[] pieces = token.split("\\.", -1);
        if (pieces.length < 2 || pieces.length > 3) throw new Forged();
        String keyId = pieces.length == 3 ? pieces[0] : SigningKey.LEGACY_ID;
        if (!SigningKey.ID.matcher(keyId).matches()) throw new Forged();
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(pieces[pieces.length - 2]);
            signature = B64D.decode(pieces[pieces.length - 1]);
        } catch (IllegalArgumentException e) {
            throw new Forged();
        }
        if (payload.length == 0) throw new Forged();
        // an unknown key, or one replaced longer ago than its grace: the link is not (or no longer) ours
        SigningKey key = keys.verifyingKey(keyId, clock.instant()).orElseThrow(Forged::new);
        if (!MessageDigest.isEqual(mac(key, payload), signature)) throw new Forged();
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 3) throw new Forged();
        try {
            return new Claims(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        } catch (NumberFormatException | DateTimeException e) { // not numbers, or beyond Instant's range: not a token we made
            throw new Forged();
        }
    }

    private static byte[] mac(SigningKey key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.material(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
