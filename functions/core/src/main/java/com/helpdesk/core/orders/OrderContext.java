package com.helpdesk.core.orders;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What an agent sees of a ticket's customer in one store: the Shopify customer and their orders, newest
 * first and at most {@link #MAX_ORDERS}. {@code status} says whether the data is fresh ({@code ok}),
 * still being fetched ({@code pending}) or could not be fetched ({@code unavailable}, with the reason);
 * an unavailable context keeps whatever orders the previous lookup found, so a Shopify outage never
 * hides what was already known.
 */
public record OrderContext(String store, Status status, String reason, Instant fetchedAt,
                           ShopCustomer customer, List<ShopOrder> orders) {
    public static final int MAX_ORDERS = 10;

    public OrderContext {
        orders = orders == null ? List.of() : orders.stream()
                .sorted(Comparator.comparing(ShopOrder::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_ORDERS).toList();
    }

    public static OrderContext pending(String store, Instant now) {
        return new OrderContext(store, Status.PENDING, null, now, null, List.of());
    }

    /** The lookup failed: keep what the previous context knew, say why. */
    public OrderContext unavailable(String why, Instant now) {
        return new OrderContext(store, Status.UNAVAILABLE, why, now, customer, orders);
    }

    public enum Status {
        OK, PENDING, UNAVAILABLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** Why an order is on the ticket. */
    public enum MatchedBy {
        EMAIL("email"), PHONE("phone"), ORDER_NUMBER("orderNumber");

        private final String wire;

        MatchedBy(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static MatchedBy parse(String wire) {
            for (MatchedBy m : values()) if (m.wire.equals(wire)) return m;
            throw new IllegalArgumentException("unknown matchedBy " + wire);
        }
    }

    public record ShopCustomer(String id, String name, String email, String phone, long ordersCount,
                               String totalSpent, String currency, List<String> tags) {
        public ShopCustomer {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public record ShopOrder(String id, String name, Instant createdAt, String financialStatus, String fulfillmentStatus,
                            Instant cancelledAt, String total, String currency, List<LineItem> lineItems,
                            ShippingAddress shippingAddress, List<Fulfillment> fulfillments, List<Refund> refunds,
                            List<MatchedBy> matchedBy) {
        public ShopOrder {
            lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
            fulfillments = fulfillments == null ? List.of() : List.copyOf(fulfillments);
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
            matchedBy = matchedBy == null ? List.of() : matchedBy.stream().distinct().sorted().toList();
        }

        public ShopOrder matched(List<MatchedBy> by) {
            return new ShopOrder(id, name, createdAt, financialStatus, fulfillmentStatus, cancelledAt, total, currency,
                    lineItems, shippingAddress, fulfillments, refunds, by);
        }
    }

    public record LineItem(String title, String sku, int quantity, String price) {}

    public record ShippingAddress(String city, String country) {}

    /** A shipment; {@code estimatedDeliveryAt} is the carrier's expected delivery (Shopify's estimate), when known. */
    public record Fulfillment(String status, String carrier, String trackingNumber, String trackingUrl,
                              String shipmentStatus, Instant deliveredAt, Instant estimatedDeliveryAt) {
        public Fulfillment(String status, String carrier, String trackingNumber, String trackingUrl, String shipmentStatus,
                           Instant deliveredAt) {
            this(status, carrier, trackingNumber, trackingUrl, shipmentStatus, deliveredAt, null);
        }
    }

    public record Refund(Instant createdAt, String amount) {}
}
