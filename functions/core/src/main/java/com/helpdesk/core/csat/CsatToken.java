package com.helpdesk.core.csat;

import com.helpdesk.core.DomainException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The survey link's token: which ticket, which resolution (its resolvedAt), and until when answers
 * count, signed with HMAC-SHA256 so it can be neither forged nor moved to another ticket. It carries
 * no personal data; the link is the only credential a customer has, so it stays unguessable.
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

    private final Supplier<byte[]> key;

    public CsatToken(byte[] key) {
        byte[] copy = key.clone();
        this.key = () -> copy;
    }

    /** A key fetched on first use (kept in the store, so building a function does no I/O). */
    public CsatToken(Supplier<byte[]> key) {
        this.key = key;
    }

    public String sign(Claims c) {
        String payload = c.ticketId() + "|" + c.resolvedAt().toEpochMilli() + "|" + c.expiresAt().getEpochSecond();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(p) + "." + B64.encodeToString(mac(p));
    }

    /** The claims of a genuine token; expiry is the caller's call (it answers differently). */
    public Claims verify(String token) {
        if (token == null || token.length() > 512) throw new Forged();
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) throw new Forged();
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Forged();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) throw new Forged();
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 3) throw new Forged();
        try {
            return new Claims(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            throw new Forged();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
