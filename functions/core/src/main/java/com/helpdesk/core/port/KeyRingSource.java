package com.helpdesk.core.port;

import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Where a function reads the key ring of one kind of token (Secrets Manager, cached, in AWS). */
public interface KeyRingSource {
    /** The ring, possibly from a cache a few minutes old. */
    KeyRing ring();

    /**
     * The ring read past the cache: asked when a token names a key the cached ring does not hold,
     * which is what a rotation since the cache was filled looks like. Adapters may limit how often.
     */
    default KeyRing reload() {
        return ring();
    }

    /** The key that verifies a token carrying {@code id} at {@code now}; empty for an unknown or expired one. */
    default Optional<SigningKey> verifyingKey(String id, Instant now) {
        KeyRing ring = ring();
        if (!ring.knows(id)) ring = reload();
        return ring.forVerifying(id, now);
    }

    static KeyRingSource fixed(KeyRing ring) {
        return () -> ring;
    }

    /**
     * A key of this process alone, made at random: for tokens that never leave the process (an
     * operator's tool or a batch paging through its own query), never for what is handed out.
     */
    static KeyRingSource processLocal() {
        return fixed(KeyRing.of(SigningKey.generate(java.util.Set.of(), new SecureRandom())));
    }
}
