package com.helpdesk.core.privacy;

import java.time.Instant;
import java.util.List;

/**
 * An erasure in progress: the tickets still to redact, written before the first one is touched (afterwards the
 * requester index no longer finds them), so that a retry after a crash resumes where it stopped. It names the
 * customer only by a hash of their identities.
 */
public record RedactionJob(String id, String store, String reason, List<String> pending, int done, Instant startedAt, Instant finishedAt) {
    public RedactionJob {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public RedactionJob next(Instant at) {
        List<String> rest = pending.subList(1, pending.size());
        return new RedactionJob(id, store, reason, rest, done + 1, startedAt, rest.isEmpty() ? at : null);
    }
}
