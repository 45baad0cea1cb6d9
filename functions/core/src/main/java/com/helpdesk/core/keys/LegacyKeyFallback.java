package com.helpdesk.core.keys;

import com.helpdesk.core.port.KeyRingSource;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accepts tokens made before keys had ids (survey links and reply addresses already sent) with the
 * key that signed them, read from where it was kept then, until the first rotation moves that key
 * into the ring with a grace deadline ({@link SigningKey#LEGACY_ID}); from then on the ring decides.
 */
public final class LegacyKeyFallback implements KeyRingSource {
    private final KeyRingSource ring;
    private final Supplier<Optional<byte[]>> legacyKey;
    private volatile Optional<SigningKey> legacy;

    public LegacyKeyFallback(KeyRingSource ring, Supplier<Optional<byte[]>> legacyKey) {
        this.ring = ring;
        this.legacyKey = legacyKey;
    }

    /** One key for everything, also for tokens without an id: tests and benchmarks. */
    public static KeyRingSource single(byte[] key) {
        byte[] copy = key.clone();
        return new LegacyKeyFallback(KeyRingSource.fixed(KeyRing.of(new SigningKey("k0", copy))), () -> Optional.of(copy));
    }

    @Override
    public KeyRing ring() {
        return ring.ring();
    }

    @Override
    public KeyRing reload() {
        return ring.reload();
    }

    @Override
    public Optional<SigningKey> verifyingKey(String id, Instant now) {
        Optional<SigningKey> inRing = ring.verifyingKey(id, now);
        if (inRing.isPresent() || !SigningKey.LEGACY_ID.equals(id) || ring.ring().knows(id)) return inRing;
        return legacy();
    }

    private Optional<SigningKey> legacy() {
        Optional<SigningKey> k = legacy;
        if (k == null) { // read once per process: the old key never changes, it only goes away
            k = legacyKey.get().map(bytes -> new SigningKey(SigningKey.LEGACY_ID, bytes));
            legacy = k;
        }
        return k;
    }
}
