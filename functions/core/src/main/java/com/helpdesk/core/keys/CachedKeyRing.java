package com.helpdesk.core.keys;

import com.helpdesk.core.port.KeyRingSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A key ring read at most once per {@code ttl} per process, so a warm function picks up a rotation
 * within that time without a redeploy. A token naming a key the cached ring lacks reads again at once
 * (another instance may already sign with a new key), but not more often than {@code minReload}, so
 * forged tokens with made-up key ids cannot turn every request into a read of the secret.
 */
public final class CachedKeyRing implements KeyRingSource {
    public static final Duration TTL = Duration.ofMinutes(5);
    /** At most one extra read a second per instance, however many tokens with made-up key ids arrive. */
    public static final Duration MIN_RELOAD = Duration.ofSeconds(1);

    private record Cached(KeyRing ring, Instant readAt) {}

    private final Supplier<KeyRing> read;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minReload;
    private volatile Cached cached;

    /** @param clock real time: a cache's age is not the business clock's (the local stack moves that one) */
    public CachedKeyRing(Supplier<KeyRing> read, Clock clock, Duration ttl, Duration minReload) {
        this.read = read;
        this.clock = clock;
        this.ttl = ttl;
        this.minReload = minReload;
    }

    public CachedKeyRing(Supplier<KeyRing> read, Clock clock) {
        this(read, clock, TTL, MIN_RELOAD);
    }

    @Override
    public KeyRing ring() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || !now.isBefore(c.readAt().plus(ttl))) c = refresh(now);
        return c.ring();
    }

    @Override
    public KeyRing reload() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || !now.isBefore(c.readAt().plus(minReload))) c = refresh(now);
        return c.ring();
    }

    private Cached refresh(Instant now) {
        Cached fresh = new Cached(read.get(), now);
        cached = fresh;
        return fresh;
    }
}
