package com.helpdesk.core.orders;

import java.util.List;
import java.util.Optional;

/** Where stores are configured (the table): a handful per deployment, read whole. */
public interface StoreRepository {
    Optional<Store> find(String id);

    List<Store> list();

    void save(Store store);

    /** @return whether there was such a store */
    boolean delete(String id);
}
