package com.helpdesk.core.privacy;

import java.time.Instant;

/**
 * A store's erasure ({@code shop/redact}) in progress, and once finished its audit record: which store, why, how many
 * tickets were redacted, when it started and ended. {@code checkpoint} is the last ticket done in the store's ticket
 * index order, so the next slice continues after it. It holds no personal data.
 */
public record ShopErasureJob(String id, String store, String reason, String checkpoint, int done, Instant startedAt, Instant finishedAt) {
    public ShopErasureJob after(String ticketId) {
        return new ShopErasureJob(id, store, reason, ticketId, done + 1, startedAt, null);
    }

    public ShopErasureJob finished(Instant at) {
        return new ShopErasureJob(id, store, reason, checkpoint, done, startedAt, at);
    }
}
