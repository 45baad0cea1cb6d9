package com.helpdesk.http;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.LineItem;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ticket's order context as the API shows it ({@code orderContext} of GET /tickets/{id}, the Shopify part of
 * GET /customers/{customer}): every field present, null when Shopify has no value, so clients read one shape.
 * Shopify's own ids stay out: agents act on order names.
 */
public final class OrderContextRepresentation {
    private OrderContextRepresentation() {}

    public static Map<String, Object> of(OrderContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", c.store());
        m.put("status", c.status().wire());
        m.put("reason", c.reason());
        m.put("fetchedAt", instant(c.fetchedAt()));
        m.put("customer", c.customer() == null ? null : customer(c.customer()));
        m.put("orders", c.orders().stream().map(OrderContextRepresentation::order).toList());
        return m;
    }

    private static Map<String, Object> customer(ShopCustomer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("ordersCount", c.ordersCount());
        m.put("totalSpent", c.totalSpent());
        m.put("currency", c.currency());
        m.put("tags", c.tags());
        return m;
    }

    private static Map<String, Object> order(ShopOrder o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("createdAt", instant(o.createdAt()));
        m.put("financialStatus", o.financialStatus());
        m.put("fulfillmentStatus", o.fulfillmentStatus());
        m.put("cancelledAt", instant(o.cancelledAt()));
        m.put("total", o.total());
        m.put("currency", o.currency());
        m.put("lineItems", o.lineItems().stream().map(OrderContextRepresentation::lineItem).toList());
        Map<String, Object> address = null;
        if (o.shippingAddress() != null) {
            address = new LinkedHashMap<>();
            address.put("city", o.shippingAddress().city());
            address.put("country", o.shippingAddress().country());
        }
        m.put("shippingAddress", address);
        m.put("fulfillments", o.fulfillments().stream().map(OrderContextRepresentation::fulfillment).toList());
        m.put("refunds", o.refunds().stream().map(r -> {
            Map<String, Object> refund = new LinkedHashMap<>();
            refund.put("createdAt", instant(r.createdAt()));
            refund.put("amount", r.amount());
            return refund;
        }).toList());
        m.put("matchedBy", o.matchedBy().stream().map(OrderContext.MatchedBy::wire).toList());
        return m;
    }

    private static Map<String, Object> lineItem(LineItem l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", l.title());
        m.put("sku", l.sku());
        m.put("quantity", l.quantity());
        m.put("price", l.price());
        return m;
    }

    private static Map<String, Object> fulfillment(Fulfillment f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", f.status());
        m.put("carrier", f.carrier());
        m.put("trackingNumber", f.trackingNumber());
        m.put("trackingUrl", f.trackingUrl());
        m.put("shipmentStatus", f.shipmentStatus());
        m.put("deliveredAt", instant(f.deliveredAt()));
        m.put("estimatedDeliveryAt", instant(f.estimatedDeliveryAt()));
        return m;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
