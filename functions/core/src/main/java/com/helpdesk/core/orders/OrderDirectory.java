package com.helpdesk.core.orders;

import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;

import java.util.List;
import java.util.Set;

/**
 * A store's customers and orders (Shopify's Admin API in production, the stub shop locally). Orders come
 * back newest first, without {@code matchedBy}: the caller knows why it asked.
 */
public interface OrderDirectory {
    /** The customer with this email and their latest orders; empty when the store does not know them. */
    Found byEmail(Store store, String email) throws OrderDirectoryException;

    /** The customer with this phone number (E.164) and their latest orders. */
    Found byPhone(Store store, String phone) throws OrderDirectoryException;

    /** The orders with these names ("#1001", "EU-1001"); names the store does not have are left out. */
    List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException;

    record Found(ShopCustomer customer, List<ShopOrder> orders) {
        public static final Found NONE = new Found(null, List.of());

        public Found {
            orders = orders == null ? List.of() : List.copyOf(orders);
        }
    }
}
