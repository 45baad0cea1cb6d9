package com.helpdesk.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderDirectory.Found;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderDirectoryException.Kind;
import com.helpdesk.core.orders.Store;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ShopifyOrderDirectoryTest {
    private static final Store STORE = new Store("main", "Main", "demo.myshopify.com", List.of(), List.of(), "#", "", true);

    private final RecordedShop shop = new RecordedShop();
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    /** Time moves only when the throttle sleeps, so waits are checked exactly and nothing is timed. */
    private final Clock clock = new Clock() {
        @Override public Instant instant() { return now; }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    };
    private final CostThrottle throttle = new CostThrottle(clock, d -> { sleeps.add(d); now = now.plus(d); }, Duration.ofSeconds(5));
    private final ShopifyOrderDirectory directory = new ShopifyOrderDirectory(
            new AdminGraphqlClient(HttpClient.newHttpClient(), shop.baseUrl(), throttle, Duration.ofSeconds(30)),
            store -> Optional.of("shpat_test_token"));

    ShopifyOrderDirectoryTest() throws Exception {}

    @AfterEach
    void stop() {
        shop.close();
    }

    @Test
    void readsACustomerWithOrdersInShopifysShapes() throws Exception {
        shop.answer(200, "customer-ana.json");

        Found found = directory.byEmail(STORE, "ana@example.com");

        assertThat(found.customer().id()).isEqualTo("gid://shopify/Customer/7001");
        assertThat(found.customer().email()).isEqualTo("ana@example.com");
        assertThat(found.customer().phone()).isEqualTo("+4915112345678");
        assertThat(found.customer().ordersCount()).isEqualTo(4);
        assertThat(found.customer().totalSpent()).isEqualTo("312.40");
        assertThat(found.customer().currency()).isEqualTo("EUR");
        assertThat(found.customer().tags()).containsExactly("vip", "newsletter");
        assertThat(found.orders()).extracting(ShopOrder::name).containsExactly("#1007", "#1004", "#1001");

        ShopOrder inTransit = found.orders().get(2);
        assertThat(inTransit.total()).isEqualTo("89.90");
        assertThat(inTransit.lineItems()).hasSize(2);
        assertThat(inTransit.lineItems().get(0).sku()).isEqualTo("TR2-42");
        assertThat(inTransit.lineItems().get(1).sku()).isNull();
        assertThat(inTransit.shippingAddress().city()).isEqualTo("Berlin");
        assertThat(inTransit.fulfillments().get(0).carrier()).isEqualTo("DHL Express");
        assertThat(inTransit.fulfillments().get(0).trackingNumber()).isEqualTo("JD014600006281234567");
        assertThat(inTransit.fulfillments().get(0).shipmentStatus()).isEqualTo("IN_TRANSIT");

        ShopOrder refunded = found.orders().get(1);
        assertThat(refunded.createdAt()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        assertThat(refunded.refunds().get(0).amount()).isEqualTo("30.00");
        assertThat(refunded.fulfillments().get(0).deliveredAt()).isEqualTo(Instant.parse("2026-11-26T11:30:00Z"));
        assertThat(found.orders().get(0).cancelledAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(found.orders().get(0).shippingAddress()).isNull();

        RecordedShop.Received sent = shop.received.get(0);
        assertThat(sent.path()).isEqualTo("/admin/api/2026-10/graphql.json");
        assertThat(sent.headers().get("X-shopify-access-token")).containsExactly("shpat_test_token");
        JsonNode body = Json.mapper().readTree(sent.body());
        assertThat(body.path("variables").path("query").asText()).isEqualTo("email:\"ana@example.com\"");
        assertThat(body.path("query").asText()).contains("customers(first: 1, query: $query)", "fragment OrderFields on Order");
    }

    @Test
    void aGuestCheckoutIsFoundByItsOrdersEmail() throws Exception {
        shop.answer(200, "customer-none.json").answer(200, "orders-by-name.json");
        Found found = directory.byEmail(STORE, "guest@example.com");
        assertThat(found.customer()).isNull();
        assertThat(found.orders()).hasSize(2);
        assertThat(Json.mapper().readTree(shop.received.get(1).body()).path("query").asText()).contains("orders(first: $first");
    }

    @Test
    void ordersByNameKeepOnlyExactNames() throws Exception {
        shop.answer(200, "orders-by-name.json");
        List<ShopOrder> orders = directory.byOrderNames(STORE, Set.of("#1050"));
        assertThat(orders).extracting(ShopOrder::name).containsExactly("#1050");
        assertThat(Json.mapper().readTree(shop.received.get(0).body()).path("variables").path("query").asText()).isEqualTo("name:\"#1050\"");
    }

    @Test
    void throttledWaitsForTheRestoreRateThenRetries() throws Exception {
        shop.answer(200, "throttled.json").answer(200, "customer-ana.json");
        Found found = directory.byEmail(STORE, "ana@example.com");
        assertThat(found.customer()).isNotNull();
        // 152 points asked, 40 available, 100 restored per second: 1.12 s.
        assertThat(sleeps).containsExactly(Duration.ofMillis(1120));
        assertThat(shop.received).hasSize(2);
    }

    @Test
    void aBudgetThatRefillsTooSlowlyGoesBackToTheQueueWithoutHammering() {
        shop.answer(200, "throttled-slow.json");
        OrderDirectoryException e = catchThrowableOfType(OrderDirectoryException.class, () -> directory.byEmail(STORE, "ana@example.com"));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.reason()).contains("refills in 15s");
        assertThat(shop.received).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aLowBudgetSeenInTheLastAnswerIsWaitedForBeforeTheNextRequest() throws Exception {
        shop.answer(200, "customer-none.json");
        throttle.observed(STORE.shopDomain(), 2000, 52, 100); // as a previous answer reported it
        directory.byPhone(STORE, "+4915112345678");
        assertThat(sleeps).containsExactly(Duration.ofMillis(480)); // 100 points guessed, 52 available, 100 restored per second
        assertThat(shop.received).hasSize(1);
    }

    @Test
    void httpFailuresAreTypedWithAReason() {
        assertFailure(401, "unauthorized.json", Kind.UNAUTHORIZED, "refused the Admin API token (401)");
        assertFailure(403, "unauthorized.json", Kind.FORBIDDEN, "read_customers");
        assertFailure(404, "unauthorized.json", Kind.SHOP_NOT_FOUND, "was not found (404)");
        assertFailure(503, "unauthorized.json", Kind.UNAVAILABLE, "answered 503");
        assertFailure(200, "access-denied.json", Kind.FORBIDDEN, "Required access: `read_customers`");
        assertFailure(200, "field-error.json", Kind.BAD_RESPONSE, "Field 'displayStatus' doesn't exist on type 'Fulfillment'");
    }

    @Test
    void aShopThatDoesNotAnswerTimesOut() {
        shop.hang();
        ShopifyOrderDirectory impatient = new ShopifyOrderDirectory(
                new AdminGraphqlClient(HttpClient.newHttpClient(), shop.baseUrl(), throttle, Duration.ofMillis(300)), s -> Optional.of("t"));
        OrderDirectoryException e = catchThrowableOfType(OrderDirectoryException.class, () -> impatient.byPhone(STORE, "+4915112345678"));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.reason()).contains("did not answer");
    }

    @Test
    void aStoreWithoutTokenIsNotConfigured() {
        ShopifyOrderDirectory noToken = new ShopifyOrderDirectory(
                new AdminGraphqlClient(HttpClient.newHttpClient(), shop.baseUrl(), throttle, Duration.ofSeconds(1)), s -> Optional.empty());
        OrderDirectoryException e = catchThrowableOfType(OrderDirectoryException.class, () -> noToken.byEmail(STORE, "a@b.example"));
        assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED);
        assertThat(shop.received).isEmpty();
    }

    @Test
    void theRealEndpointIsTheShopsOwnDomain() {
        AdminGraphqlClient real = new AdminGraphqlClient(HttpClient.newHttpClient(), null, throttle, Duration.ofSeconds(1));
        assertThat(real.endpoint("demo.myshopify.com").toString()).isEqualTo("https://demo.myshopify.com/admin/api/2026-10/graphql.json");
    }

    private void assertFailure(int status, String resource, Kind kind, String reason) {
        shop.answer(status, resource);
        OrderDirectoryException e = catchThrowableOfType(OrderDirectoryException.class, () -> directory.byEmail(STORE, "ana@example.com"));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void whoPlacedAnOrderIsItsContactEmailAndElseItsCustomersDefaults() throws Exception {
        shop.answer(200, "order-buyer.json").answer(200, "order-none.json");

        var buyer = directory.buyerOf(STORE, "820982911946154508").orElseThrow();
        assertThat(buyer.email()).as("the order's own contact email first").isEqualTo("ana@example.com");
        assertThat(buyer.phone()).as("the order has none: its customer's").isEqualTo("+4915112345678");
        JsonNode sent = Json.mapper().readTree(shop.received.get(0).body());
        assertThat(sent.path("query").asText()).contains("order(id: $id)");
        assertThat(sent.path("variables").path("id").asText()).isEqualTo("gid://shopify/Order/820982911946154508");

        assertThat(directory.buyerOf(STORE, "5999")).as("an order the shop does not have").isEmpty();
        assertThat(directory.buyerOf(STORE, "gid://shopify/Order/1\" OR 1")).as("not an order id: Shopify is not asked").isEmpty();
        assertThat(shop.received).hasSize(2);
    }
}
