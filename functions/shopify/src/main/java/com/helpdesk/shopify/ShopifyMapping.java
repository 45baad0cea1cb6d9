package com.helpdesk.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.LineItem;
import com.helpdesk.core.orders.OrderContext.Refund;
import com.helpdesk.core.orders.OrderContext.ShippingAddress;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Admin GraphQL objects (in {@link ShopifyQueries#API_VERSION}'s shapes) to the order context's model. */
final class ShopifyMapping {
    private ShopifyMapping() {}

    static ShopCustomer customer(JsonNode c) {
        List<String> tags = new ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode spent = c.path("amountSpent");
        return new ShopCustomer(text(c, "id"), text(c, "displayName"), text(c.path("defaultEmailAddress"), "emailAddress"),
                text(c.path("defaultPhoneNumber"), "phoneNumber"), c.path("numberOfOrders").asLong(),
                text(spent, "amount"), text(spent, "currencyCode"), tags);
    }

    static List<ShopOrder> orders(JsonNode nodes) {
        List<ShopOrder> orders = new ArrayList<>();
        if (nodes.isArray()) nodes.forEach(o -> orders.add(order(o)));
        return orders;
    }

    static ShopOrder order(JsonNode o) {
        JsonNode total = o.path("totalPriceSet").path("shopMoney");
        List<LineItem> items = new ArrayList<>();
        for (JsonNode li : o.path("lineItems").path("nodes")) {
            items.add(new LineItem(text(li, "title"), text(li, "sku"), li.path("quantity").asInt(),
                    text(li.path("originalUnitPriceSet").path("shopMoney"), "amount")));
        }
        JsonNode address = o.path("shippingAddress");
        ShippingAddress shipping = address.isObject() ? new ShippingAddress(text(address, "city"), text(address, "country")) : null;
        List<Fulfillment> fulfillments = new ArrayList<>();
        for (JsonNode f : o.path("fulfillments")) {
            JsonNode tracking = f.path("trackingInfo").path(0);
            fulfillments.add(new Fulfillment(text(f, "status"), text(tracking, "company"), text(tracking, "number"),
                    text(tracking, "url"), text(f, "displayStatus"), instant(f, "deliveredAt"), instant(f, "estimatedDeliveryAt")));
        }
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode r : o.path("refunds")) {
            refunds.add(new Refund(instant(r, "createdAt"), text(r.path("totalRefundedSet").path("shopMoney"), "amount")));
        }
        return new ShopOrder(text(o, "id"), text(o, "name"), instant(o, "createdAt"), text(o, "displayFinancialStatus"),
                text(o, "displayFulfillmentStatus"), instant(o, "cancelledAt"), text(total, "amount"), text(total, "currencyCode"),
                items, shipping, fulfillments, refunds, List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    /** Shopify's DateTime is ISO-8601 with an offset ("2026-11-28T09:12:44Z"); we keep UTC instants. */
    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : OffsetDateTime.parse(v).toInstant();
    }
}
