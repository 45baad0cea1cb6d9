package com.helpdesk.local.shopify;

import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderDirectory.Found;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderDirectoryException.Kind;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.shopify.ShopifyOrderDirectory;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The stub shop answers the real adapter's queries, so what the local stack shows is what Shopify would give. */
class LocalShopifyTest {
    private static final Store STORE = new Store("main", "Demo", "helpdesk-demo.myshopify.com", List.of(), List.of(), "#", "", true);

    private final LocalShopify stub = new LocalShopify();
    private final HttpServer server;
    private final ShopifyOrderDirectory directory;

    LocalShopifyTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(LocalShopify.PATH + "/", stub::handle);
        server.start();
        SecretStore secrets = new SecretStore() {
            @Override public void put(String name, String value) {}
            @Override public Optional<String> get(String name) {
                return name.equals("/helpdesk/stores/main/adminApiToken") ? Optional.of("shpat_local") : Optional.empty();
            }
            @Override public void delete(String name) {}
        };
        directory = ShopifyOrderDirectory.create(secrets, "/helpdesk",
                "http://127.0.0.1:" + server.getAddress().getPort() + LocalShopify.PATH);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theDemoCustomerHasOrdersInEveryState() throws Exception {
        Found ana = directory.byEmail(STORE, "ana@example.com");
        assertThat(ana.customer().name()).isEqualTo("Ana Demo");
        assertThat(ana.orders()).extracting(ShopOrder::name).containsExactly("#1009", "#1007", "#1004", "#1001");
        assertThat(ana.orders()).extracting(ShopOrder::fulfillmentStatus).containsExactly("UNFULFILLED", "UNFULFILLED", "FULFILLED", "FULFILLED");
        assertThat(ana.orders().get(1).cancelledAt()).isNotNull();
        assertThat(ana.orders().get(2).refunds()).hasSize(1);
        assertThat(ana.orders().get(2).financialStatus()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(directory.byPhone(STORE, "+14155550123").customer().name()).isEqualTo("Ben Brown");
        assertThat(directory.byEmail(STORE, "nobody@example.com")).isEqualTo(Found.NONE);
    }

    @Test
    void order1001IsInTransitWithTracking() throws Exception {
        List<ShopOrder> orders = directory.byOrderNames(STORE, Set.of("#1001", "#4242"));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).fulfillments().get(0).shipmentStatus()).isEqualTo("IN_TRANSIT");
        assertThat(orders.get(0).fulfillments().get(0).trackingNumber()).isEqualTo("JD014600006281234567");
    }

    @Test
    void faultsFailTheNextRequestsAsShopifyWould() throws Exception {
        stub.failNext(1, "throttle");
        assertThat(directory.byEmail(STORE, "ana@example.com").customer()).isNotNull(); // waited for the budget, then answered
        stub.failNext(3, "throttle");
        assertThat(failure().kind()).isEqualTo(Kind.THROTTLED); // three refusals in a row go back to the queue
        stub.failNext(1, "unavailable");
        assertThat(failure().kind()).isEqualTo(Kind.UNAVAILABLE);
        stub.failNext(1, "unauthorized");
        assertThat(failure().kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(directory.byEmail(STORE, "ana@example.com").customer()).isNotNull();
    }

    @Test
    void searchTermsAreReadQuotedOrNot() {
        assertThat(LocalShopify.terms("name:\"#1001\" OR name:#1002 email:\"a\\\"b@x.example\""))
                .extracting(t -> t[0] + "=" + t[1]).containsExactly("name=#1001", "name=#1002", "email=a\"b@x.example");
    }

    private OrderDirectoryException failure() {
        return catchThrowableOfType(OrderDirectoryException.class, () -> directory.byEmail(STORE, "ana@example.com"));
    }
}
