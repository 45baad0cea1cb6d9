package com.helpdesk.core.orders;

import java.time.Instant;
import java.util.Optional;

/**
 * What a store's directory said about one customer (found by email or phone), kept until it expires so
 * that a chatty customer does not cost an Admin API call per message. {@code customerKey} is
 * "email:&lt;address&gt;" or "phone:&lt;E.164&gt;".
 */
public interface OrderContextCache {
    Optional<Cached> get(String storeId, String customerKey);

    void put(String storeId, String customerKey, Cached value);

    /** Forgets a customer, e.g. when a webhook says their orders changed. */
    void evict(String storeId, String customerKey);

    record Cached(OrderContext context, Instant expiresAt) {}
}
