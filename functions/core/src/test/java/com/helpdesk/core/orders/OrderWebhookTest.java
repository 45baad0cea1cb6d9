package com.helpdesk.core.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderWebhookTest {
    @ParameterizedTest
    @CsvSource({
            "orders/create, ORDERS_CHANGED", "orders/updated, ORDERS_CHANGED", "orders/fulfilled, ORDERS_CHANGED",
            "orders/cancelled, ORDERS_CHANGED", "fulfillments/create, ORDERS_CHANGED", "fulfillments/update, ORDERS_CHANGED",
            "refunds/create, ORDERS_CHANGED", "customers/update, ORDERS_CHANGED", "ORDERS/Updated, ORDERS_CHANGED",
            "customers/redact, CUSTOMER_REDACT", "customers/data_request, CUSTOMER_DATA_REQUEST", "shop/redact, SHOP_REDACT",
            "products/update, IGNORED", "app/uninstalled, IGNORED", "orders/delete, IGNORED", "orders, IGNORED", "'', IGNORED"})
    void everyTopicHasItsKind(String topic, OrderWebhook.Kind kind) {
        assertThat(OrderWebhook.kind(topic)).isEqualTo(kind);
    }

    @Test
    void aMissingTopicIsIgnoredAndDeliveryKeysAreScopedByStore() {
        assertThat(OrderWebhook.kind(null)).isEqualTo(OrderWebhook.Kind.IGNORED);
        assertThat(OrderWebhook.deliveryKey("eu", "b1a2")).isNotEqualTo(OrderWebhook.deliveryKey("main", "b1a2"));
    }
}
