package com.helpdesk.core.service;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.inbound.ThreadKeyTakenException;
import com.helpdesk.core.port.DuplicateRequestException;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Runs a read-decide-write attempt again when a concurrent write wins the race (the store refuses a
 * stale version), so that each attempt decides on fresh state. A caller that pinned the version
 * (If-Match) asked to be told instead: its conflict is not retried.
 */
public final class ConflictRetry {
    /** Writes without If-Match are retried this often when a concurrent write wins the race. */
    static final int UNCONDITIONAL_ATTEMPTS = 5;
    /**
     * Racing deliveries of one conversation each need a fresh round after losing one; in production a
     * FIFO queue grouped by conversation serialises them and this is only the safety net.
     */
    static final int INBOUND_ATTEMPTS = 12;

    private final int attempts;
    private final boolean duplicatesRace;

    private ConflictRetry(int attempts, boolean duplicatesRace) {
        this.attempts = attempts;
        this.duplicatesRace = duplicatesRace;
    }

    /** For commands on existing tickets: a lost race on a ticket's version. */
    public static ConflictRetry commands() {
        return new ConflictRetry(UNCONDITIONAL_ATTEMPTS, false);
    }

    /**
     * For intake that claims thread keys: a lost race on a version or on a thread key, and (with
     * {@code duplicatesRace}) on the dedupe record, which a racing delivery of the same report wrote first.
     */
    public static ConflictRetry intake(boolean duplicatesRace) {
        return new ConflictRetry(INBOUND_ATTEMPTS, duplicatesRace);
    }

    /** Retries unless {@code expectedVersion} pins the version the caller saw. */
    public <T> T run(OptionalLong expectedVersion, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!lostRace(e) || expectedVersion.isPresent() || n >= attempts) throw e;
            }
        }
    }

    public <T> T run(Supplier<T> attempt) {
        return run(OptionalLong.empty(), attempt);
    }

    private boolean lostRace(RuntimeException e) {
        return e instanceof VersionConflictException || e instanceof ThreadKeyTakenException
                || duplicatesRace && e instanceof DuplicateRequestException;
    }
}
