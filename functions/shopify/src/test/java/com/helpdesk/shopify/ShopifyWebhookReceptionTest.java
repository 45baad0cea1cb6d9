package com.helpdesk.shopify;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.WebhookDeliveries;
import com.helpdesk.core.port.SecretStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake: signature, shop, topic and event id checked before anything is stored or queued. */
class ShopifyWebhookReceptionTest {
    private static final String SECRET = "shpss_5f1d0c9e";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store DEMO = new Store("demo", "Demo", "demo.myshopify.com", List.of(), List.of(), "#", "", true);

    private final Map<String, String> secrets = new HashMap<>(Map.of("/helpdesk/test/stores/demo/webhookSecret", SECRET));
    private final Map<String, Instant> claimed = new HashMap<>();
    private final List<OrderWebhook> queued = new ArrayList<>();
    private RuntimeException queueFails;
    private final ShopifyWebhookReception reception = new ShopifyWebhookReception(new Stores(), new Secrets(), "/helpdesk/test",
            new Deliveries(), w -> {
                if (queueFails != null) throw queueFails;
                queued.add(w);
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedFulfillmentIsQueuedWithWhoItIsAboutAndRememberedByItsEventId() throws Exception {
        byte[] body = sample("fulfillments-create.json");
        var received = reception.receive("demo", headers("fulfillments/create", "evt-1", ShopifyWebhookSignature.sign(SECRET, body)), body);

        assertThat(received).isEqualTo(new ShopifyWebhookReception.Received("fulfillments/create", OrderWebhook.Kind.ORDERS_CHANGED, false, true));
        assertThat(queued).containsExactly(new OrderWebhook("demo", "fulfillments/create", "evt-1", null, "jon@example.com", null,
                "450789469", List.of()));
        assertThat(claimed).containsExactly(Map.entry("shopify#demo#evt-1", NOW.plus(ShopifyWebhookReception.DEDUPE_TTL)));
    }

    @Test
    void aRedeliveryAnswersAsDoneAndQueuesNothing() throws Exception {
        byte[] body = sample("orders-updated.json");
        Map<String, String> h = headers("orders/updated", "evt-2", ShopifyWebhookSignature.sign(SECRET, body));
        reception.receive("demo", h, body);
        var again = reception.receive("demo", h, body);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.enqueued()).isFalse();
        assertThat(queued).hasSize(1);
    }

    @Test
    void aBulkActionsDeliveriesShareTheEventIdAndAreEachTakenOnceByTheirWebhookId() throws Exception {
        // "Fulfill 2 orders" in the admin: one merchant action, one X-Shopify-Event-Id, a delivery (and X-Shopify-Webhook-Id) per order
        byte[] first = sample("orders-updated.json");
        byte[] second = new String(first, StandardCharsets.UTF_8).replace("820982911946154508", "820982911946154509")
                .replace("jon@example.com", "ana@example.com").getBytes(StandardCharsets.UTF_8);
        Map<String, String> h1 = headers("orders/fulfilled", "e7a1c2d3-0000-4000-8000-000000000001", ShopifyWebhookSignature.sign(SECRET, first));
        h1.put("x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        Map<String, String> h2 = headers("orders/fulfilled", "e7a1c2d3-0000-4000-8000-000000000001", ShopifyWebhookSignature.sign(SECRET, second));
        h2.put("x-shopify-webhook-id", "0c1f7a9e-52f4-4d36-9d0e-6f1b2a3c4d5e");

        assertThat(reception.receive("demo", h1, first).enqueued()).isTrue();
        assertThat(reception.receive("demo", h2, second).enqueued()).as("another delivery of the same action").isTrue();
        assertThat(reception.receive("demo", h2, second).duplicate()).as("Shopify's retry of that delivery").isTrue();
        assertThat(queued).extracting(OrderWebhook::orderId).containsExactly("820982911946154508", "820982911946154509");
        assertThat(queued).extracting(OrderWebhook::eventId).as("the event id still names the action")
                .containsOnly("e7a1c2d3-0000-4000-8000-000000000001");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        byte[] body = sample("orders-updated.json");
        String good = ShopifyWebhookSignature.sign(SECRET, body);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("jon@example.com", "eve@example.com").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "evt-3", good), changed))
                .isInstanceOf(ShopifyWebhookReception.Refused.class).hasMessageContaining("X-Shopify-Hmac-Sha256 does not match");
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "evt-3", ShopifyWebhookSignature.sign("another", body)), body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class);
        Map<String, String> unsigned = headers("orders/updated", "evt-3", good);
        unsigned.remove("x-shopify-hmac-sha256");
        assertThatThrownBy(() -> reception.receive("demo", unsigned, body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class).hasMessage("X-Shopify-Hmac-Sha256 is missing");
        assertThat(claimed).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void whileTheAppSecretIsRotatedWebhooksSignedWithTheOldOrTheNewOneAreTaken() throws Exception {
        // Shopify's rotation: the new secret is generated, webhooks go on being signed with the old one until it is revoked
        String rotatedIn = "shpss_9a8b7c6d";
        secrets.put("/helpdesk/test/stores/demo/webhookSecret", rotatedIn);
        secrets.put("/helpdesk/test/stores/demo/previousWebhookSecret", SECRET);
        byte[] body = sample("orders-updated.json");
        assertThat(reception.receive("demo", headers("orders/updated", "evt-old", ShopifyWebhookSignature.sign(SECRET, body)), body).enqueued()).isTrue();
        assertThat(reception.receive("demo", headers("orders/updated", "evt-new", ShopifyWebhookSignature.sign(rotatedIn, body)), body).enqueued()).isTrue();
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "evt-x", ShopifyWebhookSignature.sign("shpss_other", body)), body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class);

        secrets.remove("/helpdesk/test/stores/demo/previousWebhookSecret"); // revoked at Shopify, removed here
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "evt-old2", ShopifyWebhookSignature.sign(SECRET, body)), body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class);
        assertThat(queued).extracting(OrderWebhook::eventId).containsExactly("evt-old", "evt-new");
    }

    @Test
    void anotherShopSigningWithTheSameAppSecretIsRefused() throws Exception {
        byte[] body = sample("orders-updated.json");
        Map<String, String> h = headers("orders/updated", "evt-4", ShopifyWebhookSignature.sign(SECRET, body));
        h.put("x-shopify-shop-domain", "other.myshopify.com");
        assertThatThrownBy(() -> reception.receive("demo", h, body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class).hasMessageContaining("X-Shopify-Shop-Domain must be demo.myshopify.com");
        assertThat(queued).isEmpty();
    }

    @Test
    void anUnknownStoreOrOneWithoutASecretIsRefusedBeforeTheBodyIsRead() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reception.receive("nope", headers("orders/updated", "e", ShopifyWebhookSignature.sign(SECRET, body)), body))
                .isInstanceOf(ShopifyWebhookReception.UnknownStore.class).hasMessage("no store nope");
        secrets.clear();
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "e", ShopifyWebhookSignature.sign(SECRET, body)), body))
                .isInstanceOf(ShopifyWebhookReception.Refused.class).hasMessageContaining("has no webhookSecret");
    }

    @Test
    void aSignedButUnreadableWebhookIsABadRequestNamingWhatIsWrong() {
        byte[] notJson = "order=1001".getBytes(StandardCharsets.UTF_8);
        String sig = ShopifyWebhookSignature.sign(SECRET, notJson);
        assertThatThrownBy(() -> reception.receive("demo", headers("orders/updated", "evt-5", sig), notJson))
                .isInstanceOf(ShopifyWebhookPayloads.Malformed.class).hasMessage("the body is not JSON");
        Map<String, String> noTopic = headers("orders/updated", "evt-5", sig);
        noTopic.remove("x-shopify-topic");
        assertThatThrownBy(() -> reception.receive("demo", noTopic, notJson)).hasMessage("X-Shopify-Topic is required");
        Map<String, String> noId = headers("orders/updated", null, sig);
        assertThatThrownBy(() -> reception.receive("demo", noId, notJson)).hasMessageContaining("X-Shopify-Event-Id");
        assertThat(claimed).isEmpty();
    }

    @Test
    void theWebhookIdStandsInForAMissingEventIdAndOtherTopicsAreAcknowledgedOnly() throws Exception {
        byte[] body = sample("orders-updated.json");
        Map<String, String> h = headers("orders/updated", null, ShopifyWebhookSignature.sign(SECRET, body));
        h.put("x-shopify-webhook-id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        reception.receive("demo", h, body);
        assertThat(claimed).containsOnlyKeys("shopify#demo#b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");

        var ignored = reception.receive("demo", headers("products/update", "evt-6", ShopifyWebhookSignature.sign(SECRET, body)), body);
        assertThat(ignored.kind()).isEqualTo(OrderWebhook.Kind.IGNORED);
        assertThat(ignored.enqueued()).isFalse();
        assertThat(queued).hasSize(1);
    }

    @Test
    void aQueueFailureForgetsTheEventSoThatShopifysRetryIsNotADuplicate() throws Exception {
        byte[] body = sample("orders-updated.json");
        Map<String, String> h = headers("orders/updated", "evt-7", ShopifyWebhookSignature.sign(SECRET, body));
        queueFails = new IllegalStateException("sqs down");
        assertThatThrownBy(() -> reception.receive("demo", h, body)).hasMessage("sqs down");
        assertThat(claimed).isEmpty();
        queueFails = null;
        assertThat(reception.receive("demo", h, body).enqueued()).isTrue();
    }

    static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("helpdesk.root", "../..")).resolve("events/shopify").resolve(name));
    }

    private static Map<String, String> headers(String topic, String eventId, String hmac) {
        Map<String, String> h = new HashMap<>();
        h.put("x-shopify-topic", topic);
        h.put("x-shopify-hmac-sha256", hmac);
        h.put("x-shopify-shop-domain", "demo.myshopify.com");
        h.put("x-shopify-api-version", "2026-10");
        if (eventId != null) h.put("x-shopify-event-id", eventId);
        return h;
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return id.equals("demo") ? Optional.of(DEMO) : Optional.empty(); }
        @Override public List<Store> list() { return List.of(DEMO); }
        @Override public void save(Store store) { throw new AssertionError("the intake writes no store"); }
        @Override public boolean delete(String id) { throw new AssertionError("the intake deletes no store"); }
    }

    private final class Secrets implements SecretStore {
        @Override public void put(String name, String value) { throw new AssertionError("the intake writes no secret"); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(secrets.get(name)); }
        @Override public void delete(String name) { throw new AssertionError("the intake deletes no secret"); }
    }

    private final class Deliveries implements WebhookDeliveries {
        @Override public boolean claim(String key, Instant expiresAt) { return claimed.putIfAbsent(key, expiresAt) == null; }
        @Override public void release(String key) { claimed.remove(key); }
    }
}
