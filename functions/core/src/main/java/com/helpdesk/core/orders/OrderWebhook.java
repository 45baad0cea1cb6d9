package com.helpdesk.core.orders;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Shopify webhook as the worker needs it, once its signature is checked: which store, which topic, and who
 * it is about (the customer's Shopify id, email and phone, the order's id). It carries no order data: the
 * worker reads the orders from the Admin API, so a late or reordered delivery cannot make a context stale.
 *
 * @param ordersToRedact the order ids of {@code customers/redact}, empty otherwise
 */
public record OrderWebhook(String store, String topic, String eventId, String customerId, String email, String phone,
                           String orderId, List<String> ordersToRedact) {
    /** What a topic asks of the helpdesk. */
    public enum Kind { ORDERS_CHANGED, CUSTOMER_REDACT, CUSTOMER_DATA_REQUEST, SHOP_REDACT, IGNORED }

    /** The topics that change what a ticket's order context shows (docs/orders.md#webhooks). */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("orders/create", Kind.ORDERS_CHANGED),
            Map.entry("orders/updated", Kind.ORDERS_CHANGED),
            Map.entry("orders/fulfilled", Kind.ORDERS_CHANGED),
            Map.entry("orders/cancelled", Kind.ORDERS_CHANGED),
            Map.entry("fulfillments/create", Kind.ORDERS_CHANGED),
            Map.entry("fulfillments/update", Kind.ORDERS_CHANGED),
            Map.entry("refunds/create", Kind.ORDERS_CHANGED),
            Map.entry("customers/update", Kind.ORDERS_CHANGED),
            Map.entry("customers/redact", Kind.CUSTOMER_REDACT),
            Map.entry("customers/data_request", Kind.CUSTOMER_DATA_REQUEST),
            Map.entry("shop/redact", Kind.SHOP_REDACT));

    public OrderWebhook {
        ordersToRedact = ordersToRedact == null ? List.of() : List.copyOf(ordersToRedact);
    }

    /** Topics are case-insensitive on the wire (Shopify sends them lower-case); unknown ones are ignored. */
    public static Kind kind(String topic) {
        return topic == null ? Kind.IGNORED : KINDS.getOrDefault(topic.strip().toLowerCase(Locale.ROOT), Kind.IGNORED);
    }

    public Kind kind() {
        return kind(topic);
    }

    /** The dedupe key of a delivery: Shopify's webhook id (else event id) is unique per shop, not across shops. */
    public static String deliveryKey(String storeId, String deliveryId) {
        return "shopify#" + storeId + "#" + deliveryId;
    }
}
