package com.helpdesk.core.privacy;

import java.util.List;
import java.util.Optional;

/**
 * What the helpdesk's storage keeps about one store, for its erasure: the store's tickets (those the order lookup gave
 * that store), and what is kept per store outside tickets (customer order caches, the data exports' records).
 */
public interface StoreData {
    /** Up to {@code limit} ids of the store's tickets, in a stable order, after {@code afterTicketId} (null: from the start). */
    List<String> ticketsAfter(String storeId, String afterTicketId, int limit);

    /** The storage keys of the store's customer data exports, as their records name them. */
    List<String> exportsOf(String storeId);

    /** Deletes the store's customer order caches and data export records (read {@link #exportsOf} first). */
    void forgetStore(String storeId);

    Optional<ShopErasureJob> findJob(String jobId);

    void saveJob(ShopErasureJob job);
}
