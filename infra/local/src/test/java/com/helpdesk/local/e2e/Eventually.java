package com.helpdesk.local.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls what the local stack does asynchronously (queues, the bus) until it is done, for at most a minute (or as long as asked). */
final class Eventually {
    private Eventually() {}

    /**
     * Asynchronous work (bus, queues, stream) takes seconds on an idle machine but several times that on a loaded
     * CI runner: a minute of patience costs nothing when the result comes early, and a failure is then a real one.
     */
    static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        return await(read, done, what, Duration.ofSeconds(60));
    }

    /** For work that takes long by design (a lookup retried with backoff until it gives up). */
    static <T> T await(Supplier<T> read, Predicate<T> done, String what, Duration within) {
        long deadline = System.currentTimeMillis() + within.toMillis();
        T last = read.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as(what + ": " + last).isTrue();
        return last;
    }
}
