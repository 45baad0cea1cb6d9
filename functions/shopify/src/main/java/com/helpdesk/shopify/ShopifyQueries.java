package com.helpdesk.shopify;

/**
 * The Admin GraphQL documents the directory sends, pinned to {@link #API_VERSION}. Field names follow
 * that version's schema: {@code defaultEmailAddress}/{@code defaultPhoneNumber} replace the deprecated
 * {@code Customer.email}/{@code phone}; money is a {@code MoneyBag}'s {@code shopMoney}; fulfillments
 * and refunds are lists with a {@code first} argument, line items a connection.
 */
public final class ShopifyQueries {
    /** Latest stable version (released 2026-10-01, supported for 12 months); see docs/orders.md. */
    public static final String API_VERSION = "2026-10";
    /** Orders per customer fetched: the context shows at most ten. */
    static final int ORDERS = 10;

    static final String ORDER_FIELDS = """
            fragment OrderFields on Order {
              id
              name
              createdAt
              displayFinancialStatus
              displayFulfillmentStatus
              cancelledAt
              totalPriceSet { shopMoney { amount currencyCode } }
              lineItems(first: 10) { nodes { title sku quantity originalUnitPriceSet { shopMoney { amount currencyCode } } } }
              shippingAddress { city country }
              fulfillments(first: 5) { status displayStatus deliveredAt estimatedDeliveryAt trackingInfo(first: 1) { company number url } }
              refunds(first: 5) { createdAt totalRefundedSet { shopMoney { amount currencyCode } } }
            }
            """;

    /** A customer by search query ({@code email:"…"} or {@code phone:"…"}) with their newest orders. */
    static final String CUSTOMER = """
            query CustomerOrders($query: String!) {
              customers(first: 1, query: $query) {
                nodes {
                  id
                  displayName
                  defaultEmailAddress { emailAddress }
                  defaultPhoneNumber { phoneNumber }
                  numberOfOrders
                  amountSpent { amount currencyCode }
                  tags
                  orders(first: %d, sortKey: CREATED_AT, reverse: true) { nodes { ...OrderFields } }
                }
              }
            }
            """.formatted(ORDERS) + ORDER_FIELDS;

    /** Orders by search query: by name ({@code name:"#1001" OR …}) or, for guest checkouts, by email. */
    static final String ORDERS_QUERY = """
            query Orders($query: String!, $first: Int!) {
              orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { ...OrderFields } }
            }
            """ + ORDER_FIELDS;

    /**
     * Who placed an order (refunds/create names only its order): the order's contact email and phone, and its
     * customer's defaults for an order placed without them. {@code id} is the order's GID.
     */
    static final String ORDER_BUYER = """
            query OrderBuyer($id: ID!) {
              order(id: $id) {
                id
                email
                phone
                customer { defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
              }
            }
            """;

    private ShopifyQueries() {}

    /** A search-syntax term with its value quoted, so an address with spaces or colons stays one value. */
    static String term(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
