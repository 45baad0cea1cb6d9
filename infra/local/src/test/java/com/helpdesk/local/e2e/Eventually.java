package com.helpdesk.local.e2e;

import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls what the local stack does asynchronously (queues, the bus) until it is done, for at most 20 seconds. */
final class Eventually {
    private Eventually() {}

    static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.currentTimeMillis() + 20_000;
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
