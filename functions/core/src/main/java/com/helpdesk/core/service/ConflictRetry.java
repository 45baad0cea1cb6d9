package com.helpdesk.core.service;

import com.helpdesk.core.ContentionException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.inbound.ThreadKeyTakenException;
import com.helpdesk.core.port.DuplicateRequestException;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs a read-decide-write attempt again when a concurrent write wins the race (the store refuses a
 * stale version), so that each attempt decides on fresh state. A caller that pinned the version
 * (If-Match) asked to be told instead: its conflict is not retried, and a refusal of the pinned version
 * itself ({@link VersionConflictException#isPinned()}) never is. Between attempts it waits a random
 * part of an exponentially growing delay ("full jitter", so racing writers spread out instead of
 * colliding again in step), for as long as the time budget allows; then it gives up with a
 * {@link ContentionException}. A slow store is not contention: however long the attempts themselves take
 * (a loaded machine, a throttled table), a write gets a minimum number of attempts before it is refused.
 */
public final class ConflictRetry {
    /** How soon a client that was told the ticket is busy should try again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Where the retry reads the time and waits: the system's, or a test's. */
    public interface Pacer {
        long nanoTime();

        void sleep(Duration delay) throws InterruptedException;

        static Pacer system() {
            return new Pacer() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleep(Duration delay) throws InterruptedException {
                    Thread.sleep(delay.toMillis(), (int) (delay.toNanosPart() % 1_000_000));
                }
            };
        }
    }

    private final Duration budget;
    private final int minAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final boolean duplicatesRace;
    private final Pacer pacer;
    private final RandomGenerator random;
    /** When the caller must have its answer (in the pacer's nanoTime), or null: then only the budget bounds the retries. */
    private final LongSupplier deadline;

    private ConflictRetry(Duration budget, int minAttempts, Duration firstDelay, Duration maxDelay, boolean duplicatesRace, Pacer pacer,
                          RandomGenerator random, LongSupplier deadline) {
        this.budget = budget;
        this.minAttempts = minAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.duplicatesRace = duplicatesRace;
        this.pacer = pacer;
        this.random = random;
        this.deadline = deadline;
    }

    /** For commands on existing tickets (an API request waits at most about two seconds for its turn). */
    public static ConflictRetry commands() {
        return new ConflictRetry(Duration.ofSeconds(2), 4, Duration.ofMillis(10), Duration.ofMillis(250), false, Pacer.system(),
                ThreadLocalRandom.current(), null);
    }

    /**
     * For commands of an API request that has a time budget of its own: retried until {@code deadlineNanos} (read
     * at each lost race, in {@link System#nanoTime()} terms: when the request must be answered, less the time to
     * answer), at most {@link #REQUEST_BUDGET_CAP}. Under many racing writers on one ticket a fixed two seconds ran
     * out on a busy machine after one or two slow attempts and refused writes the request still had time for.
     */
    public static ConflictRetry commandsUntil(LongSupplier deadlineNanos) {
        return new ConflictRetry(REQUEST_BUDGET_CAP, 4, Duration.ofMillis(10), Duration.ofMillis(250), false, Pacer.system(),
                ThreadLocalRandom.current(), deadlineNanos);
    }

    /** The longest an API request retries lost races (API Gateway answers 503 itself after 30 seconds). */
    public static final Duration REQUEST_BUDGET_CAP = Duration.ofSeconds(25);

    /**
     * For intake that claims thread keys: a lost race on a version or on a thread key, and (with
     * {@code duplicatesRace}) on the dedupe record, which a racing delivery of the same report wrote first.
     * Racing deliveries of one conversation each need a fresh round after losing one; in production a
     * FIFO queue grouped by conversation serialises them and this is only the safety net.
     */
    public static ConflictRetry intake(boolean duplicatesRace) {
        return new ConflictRetry(Duration.ofSeconds(10), 8, Duration.ofMillis(20), Duration.ofMillis(500), duplicatesRace,
                Pacer.system(), ThreadLocalRandom.current(), null);
    }

    /** The same policy, waiting and reading the time through {@code pacer} and drawing its jitter from {@code random}. */
    public ConflictRetry pacedBy(Pacer pacer, RandomGenerator random) {
        return new ConflictRetry(budget, minAttempts, firstDelay, maxDelay, duplicatesRace, pacer, random, deadline);
    }

    /** Retries unless {@code expectedVersion} pins the version the caller saw. */
    public <T> T run(OptionalLong expectedVersion, Supplier<T> attempt) {
        long start = pacer.nanoTime();
        for (int lost = 0; ; lost++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!lostRace(e) || expectedVersion.isPresent()) throw e;
                Duration delay = delayAfter(lost);
                long now = pacer.nanoTime();
                boolean budgetSpent = Duration.ofNanos(now - start).plus(delay).compareTo(budget) > 0 && lost + 1 >= minAttempts;
                // the request's own deadline is hard: past it nobody waits for the answer any more
                boolean pastDeadline = deadline != null && now + delay.toNanos() - deadline.getAsLong() > 0;
                if (budgetSpent || pastDeadline) throw busy(lost + 1);
                try {
                    pacer.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw busy(lost + 1);
                }
            }
        }
    }

    public <T> T run(Supplier<T> attempt) {
        return run(OptionalLong.empty(), attempt);
    }

    /** A random delay up to the exponential bound of this round (capped). */
    Duration delayAfter(int lost) {
        long bound = Math.min(maxDelay.toNanos(), firstDelay.toNanos() << Math.min(lost, 30));
        return Duration.ofNanos(random.nextLong(bound + 1));
    }

    private ContentionException busy(int attempts) {
        return new ContentionException("the ticket is busy: other changes won the race " + attempts + " times in a row; "
                + "nothing was written, try again shortly", RETRY_AFTER);
    }

    private boolean lostRace(RuntimeException e) {
        return e instanceof VersionConflictException v && !v.isPinned() || e instanceof ThreadKeyTakenException
                || duplicatesRace && e instanceof DuplicateRequestException;
    }
}
