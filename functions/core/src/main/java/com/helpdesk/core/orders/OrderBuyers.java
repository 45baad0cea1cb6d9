package com.helpdesk.core.orders;

import java.util.Optional;

/**
 * Who placed an order, for the webhooks that name only the order ({@code refunds/create} carries {@code order_id}
 * and nothing about the customer): the order's contact email and phone, else its customer's.
 */
public interface OrderBuyers {
    /** @param orderId the order's numeric id as webhooks carry it; empty when the store has no such order */
    Optional<Buyer> buyerOf(Store store, String orderId) throws OrderDirectoryException;

    record Buyer(String email, String phone) {}
}
