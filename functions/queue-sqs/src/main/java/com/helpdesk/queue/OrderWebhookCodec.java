package com.helpdesk.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A checked Shopify webhook on the order lookup queue. It is shaped like the bus events that queue carries
 * ({@code detail-type}, {@code detail}), so that one consumer tells them apart by {@code detail-type}.
 */
public final class OrderWebhookCodec {
    public static final String DETAIL_TYPE = "ShopifyWebhook";
    public static final String SOURCE = "helpdesk.shopify-webhooks";

    private OrderWebhookCodec() {}

    public static String encode(OrderWebhook w) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("source", SOURCE);
        root.put("detail-type", DETAIL_TYPE);
        ObjectNode d = root.putObject("detail");
        d.put("store", w.store());
        d.put("topic", w.topic());
        d.put("eventId", w.eventId());
        d.put("customerId", w.customerId());
        d.put("email", w.email());
        d.put("phone", w.phone());
        d.put("orderId", w.orderId());
        w.ordersToRedact().forEach(d.putArray("ordersToRedact")::add);
        return root.toString();
    }

    /** @throws IllegalArgumentException naming what is missing */
    public static OrderWebhook decode(JsonNode event) {
        JsonNode d = event.path("detail");
        String store = text(d, "store"), topic = text(d, "topic");
        if (store == null || topic == null) throw new IllegalArgumentException(DETAIL_TYPE + " without detail.store or detail.topic");
        List<String> orders = new ArrayList<>();
        d.path("ordersToRedact").forEach(n -> orders.add(n.asText()));
        return new OrderWebhook(store, topic, text(d, "eventId"), text(d, "customerId"), text(d, "email"), text(d, "phone"),
                text(d, "orderId"), orders);
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
