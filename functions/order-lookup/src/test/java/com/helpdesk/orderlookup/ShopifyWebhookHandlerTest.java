package com.helpdesk.orderlookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.WebhookDeliveries;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.shopify.ShopifyWebhookReception;
import com.helpdesk.shopify.ShopifyWebhookSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Shopify webhook route as API Gateway hands it real deliveries: sizes, encodings and header spellings Shopify uses. */
class ShopifyWebhookHandlerTest {
    private static final String SECRET = "shpss_5f1d0c9e";
    private static final Store DEMO = new Store("demo", "Demo", "demo.myshopify.com", List.of(), List.of(), "#", "", true);

    private final Set<String> claimed = new HashSet<>();
    private final List<OrderWebhook> queued = new ArrayList<>();
    private final ShopifyWebhookHandler handler = new ShopifyWebhookHandler(new ShopifyWebhookReception(new Stores(),
            new Secrets(), "/helpdesk/test", new Deliveries(), queued::add, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)));

    @Test
    void anOrderOfHundredsOfLineItemsIsTakenThoughItIsOverTheApisUsualLimit() {
        byte[] body = orderWithLineItems(400);
        assertThat(body.length).isGreaterThan(256 * 1024);

        APIGatewayV2HTTPResponse r = handler.handle(delivery(body, ShopifyWebhookSignature.sign(SECRET, body), "evt-big", false), null);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(queued).extracting(OrderWebhook::orderId).containsExactly("820982911946154508");
    }

    @Test
    void aBodyApiGatewayBase64EncodedIsVerifiedOverItsDecodedBytes() {
        byte[] body = orderWithLineItems(2);
        APIGatewayV2HTTPResponse r = handler.handle(delivery(body, ShopifyWebhookSignature.sign(SECRET, body), "evt-b64", true), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);

        APIGatewayV2HTTPResponse forged = handler.handle(delivery(body, ShopifyWebhookSignature.sign("another", body), "evt-forged", true), null);
        assertThat(forged.getStatusCode()).isEqualTo(401);
        assertThat(forged.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(forged.getBody()).contains("X-Shopify-Hmac-Sha256 does not match");
        assertThat(queued).hasSize(1);
    }

    /** An orders/updated as Shopify writes it: unicode as is, slashes escaped, ids beyond a double's precision. */
    private static byte[] orderWithLineItems(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) items.append(',');
            items.append("{\"id\":").append(866550311766439020L + i).append(",\"admin_graphql_api_id\":\"gid:\\/\\/shopify\\/LineItem\\/")
                    .append(866550311766439020L + i).append("\",\"title\":\"Sonnenbrille Größe ").append(i).append(" — 日本\",\"quantity\":1,")
                    .append("\"price\":\"89.99\",\"price_set\":{\"shop_money\":{\"amount\":\"89.99\",\"currency_code\":\"EUR\"},")
                    .append("\"presentment_money\":{\"amount\":\"89.99\",\"currency_code\":\"EUR\"}},\"sku\":\"SKU2006-").append(i)
                    .append("\",\"vendor\":null,\"properties\":[],\"tax_lines\":[{\"title\":\"MwSt\",\"price\":\"14.37\",\"rate\":0.19,")
                    .append("\"price_set\":{\"shop_money\":{\"amount\":\"14.37\",\"currency_code\":\"EUR\"},\"presentment_money\":")
                    .append("{\"amount\":\"14.37\",\"currency_code\":\"EUR\"}}}],\"discount_allocations\":[],\"duties\":[],")
                    .append("\"fulfillment_service\":\"manual\",\"fulfillment_status\":null,\"gift_card\":false,\"grams\":120,")
                    .append("\"requires_shipping\":true,\"taxable\":true,\"total_discount\":\"0.00\",\"variant_title\":\"Schwarz \\/ M\",")
                    .append("\"product_exists\":true,\"product_id\":632910392,\"variant_id\":808950810,\"name\":\"Sonnenbrille - Schwarz \\/ M\"}");
        }
        return ("{\"id\":820982911946154508,\"admin_graphql_api_id\":\"gid:\\/\\/shopify\\/Order\\/820982911946154508\",\"name\":\"#1001\","
                + "\"email\":\"Jon@Example.com\",\"phone\":null,\"test\":false,\"currency\":\"EUR\",\"total_price\":\"26997.00\",\"customer\":null,"
                + "\"line_items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPEvent delivery(byte[] body, String hmac, String eventId, boolean base64) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey("POST /webhooks/shopify/{storeId}");
        e.setRawPath("/webhooks/shopify/demo");
        e.setPathParameters(Map.of("storeId", "demo"));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-shopify-topic", "orders/updated");
        headers.put("x-shopify-hmac-sha256", hmac);
        headers.put("x-shopify-shop-domain", "demo.myshopify.com");
        headers.put("x-shopify-event-id", eventId);
        headers.put("x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        headers.put("x-shopify-triggered-at", "2026-12-01T09:59:58.123456789Z");
        e.setHeaders(headers);
        e.setIsBase64Encoded(base64);
        e.setBody(base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        e.setRequestContext(new APIGatewayV2HTTPEvent.RequestContext());
        return e;
    }

    private static final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return id.equals("demo") ? Optional.of(DEMO) : Optional.empty(); }
        @Override public List<Store> list() { return List.of(DEMO); }
        @Override public void save(Store store) { throw new AssertionError("the intake writes no store"); }
        @Override public boolean delete(String id) { throw new AssertionError("the intake deletes no store"); }
    }

    private static final class Secrets implements SecretStore {
        @Override public void put(String name, String value) { throw new AssertionError("the intake writes no secret"); }
        @Override public Optional<String> get(String name) {
            return Optional.ofNullable(name.equals("/helpdesk/test/stores/demo/webhookSecret") ? SECRET : null);
        }
        @Override public void delete(String name) { throw new AssertionError("the intake deletes no secret"); }
    }

    private final class Deliveries implements WebhookDeliveries {
        @Override public boolean claim(String key, Instant expiresAt) { return claimed.add(key); }
        @Override public void release(String key) { claimed.remove(key); }
    }
}
