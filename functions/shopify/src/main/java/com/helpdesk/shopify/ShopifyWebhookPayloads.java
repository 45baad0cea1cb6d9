package com.helpdesk.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads who a webhook is about from Shopify's REST webhook JSON: an order ({@code id}, {@code email},
 * {@code phone}, {@code customer{id,email,phone}}), a fulfillment ({@code order_id}, {@code email}), a refund
 * ({@code order_id}), a customer ({@code id}, {@code email}, {@code phone}), and the privacy topics
 * ({@code customer{id,email,phone}}, {@code orders_to_redact}, {@code shop_domain}). Ids are JSON numbers
 * beyond a double's precision, so they are read as their text.
 */
public final class ShopifyWebhookPayloads {
    /** The payload is not a JSON object: 400. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private ShopifyWebhookPayloads() {}

    public static OrderWebhook read(String storeId, String topic, String eventId, byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new Malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) throw new Malformed("the body must be a JSON object");
        JsonNode customer = root.path("customer");
        String t = topic.strip().toLowerCase(java.util.Locale.ROOT);
        String orderId = switch (t) {
            case "fulfillments/create", "fulfillments/update", "refunds/create" -> text(root.path("order_id"));
            default -> t.startsWith("orders/") ? text(root.path("id")) : null;
        };
        String customerId = t.startsWith("customers/") && !customer.isObject() ? text(root.path("id")) : text(customer.path("id"));
        String email = first(text(root.path("email")), text(root.path("contact_email")), text(customer.path("email")));
        String phone = first(text(root.path("phone")), text(customer.path("phone")));
        if (t.equals("customers/redact") || t.equals("customers/data_request")) {
            // the privacy topics name the customer only under "customer"
            email = text(customer.path("email"));
            phone = text(customer.path("phone"));
            if (email == null && phone == null && customerId == null) throw new Malformed("customer must have an id, email or phone");
        }
        List<String> toRedact = new ArrayList<>();
        for (JsonNode id : root.path(t.equals("customers/redact") ? "orders_to_redact" : "orders_requested")) {
            String s = text(id);
            if (s != null) toRedact.add(s);
        }
        return new OrderWebhook(storeId, t, eventId, customerId, email, phone, orderId, toRedact);
    }

    /** The shop domain a privacy payload names ({@code shop_domain}), or null. */
    public static String shopDomain(byte[] body) {
        try {
            return text(Json.mapper().readTree(body).path("shop_domain"));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) return null;
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
