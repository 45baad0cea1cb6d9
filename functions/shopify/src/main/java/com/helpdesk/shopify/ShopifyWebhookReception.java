package com.helpdesk.shopify;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.OrderWebhookQueue;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.StoreSecrets;
import com.helpdesk.core.orders.WebhookDeliveries;
import com.helpdesk.core.port.SecretStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The Shopify webhook intake: finds the store, checks {@code X-Shopify-Hmac-Sha256} over the raw body with the
 * store's webhook secret (or the previous one while the app secret is rotated) and {@code X-Shopify-Shop-Domain}
 * against the store's shop, reads who the webhook is about, drops redeliveries by {@code X-Shopify-Webhook-Id} (one
 * per delivery; {@code X-Shopify-Event-Id} without one) and hands the rest to the worker's queue. No ticket work
 * here, so it answers well within Shopify's 5 seconds; nothing is stored when anything is wrong.
 */
public final class ShopifyWebhookReception {
    /** Remembered past Shopify's retries (up to 8 over 4 hours) and its occasional late duplicates. */
    public static final Duration DEDUPE_TTL = Duration.ofDays(3);
    /** Shopify's ids are UUIDs or numbers; anything else would only make a strange table key. */
    private static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");

    /** No such store: 404. */
    public static final class UnknownStore extends Exception {
        public UnknownStore(String id) {
            super("no store " + id, null, false, false);
        }
    }

    /** The signature or the shop is wrong: 401. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** @param duplicate a redelivery of an event handled before; {@code enqueued} whether the worker got it */
    public record Received(String topic, OrderWebhook.Kind kind, boolean duplicate, boolean enqueued) {}

    private final StoreRepository stores;
    private final SecretStore secrets;
    private final String secretsPrefix;
    private final WebhookDeliveries deliveries;
    private final OrderWebhookQueue queue;
    private final Clock clock;

    public ShopifyWebhookReception(StoreRepository stores, SecretStore secrets, String secretsPrefix, WebhookDeliveries deliveries,
                                   OrderWebhookQueue queue, Clock clock) {
        this.stores = stores;
        this.secrets = secrets;
        this.secretsPrefix = secretsPrefix;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    /** @param headers names lower-cased */
    public Received receive(String storeId, Map<String, String> headers, byte[] body)
            throws UnknownStore, Refused, ShopifyWebhookPayloads.Malformed {
        Store store = stores.find(storeId).orElseThrow(() -> new UnknownStore(storeId));
        String secret = secrets.get(StoreSecrets.name(secretsPrefix, store.id(), StoreSecrets.WEBHOOK_SECRET))
                .orElseThrow(() -> new Refused("store " + store.id() + " has no webhookSecret; set it with PUT /stores/" + store.id()));
        String hmac = headers.get("x-shopify-hmac-sha256");
        if (hmac == null || hmac.isBlank()) throw new Refused("X-Shopify-Hmac-Sha256 is missing");
        if (!ShopifyWebhookSignature.verify(hmac, secret, body) && !signedWithPreviousSecret(store, hmac, body)) {
            throw new Refused("X-Shopify-Hmac-Sha256 does not match the body signed with store " + store.id() + "'s webhookSecret");
        }
        String domain = headers.get("x-shopify-shop-domain");
        if (domain == null || !domain.strip().toLowerCase(Locale.ROOT).equals(store.shopDomain())) {
            throw new Refused("X-Shopify-Shop-Domain must be " + store.shopDomain() + ", the shop of store " + store.id());
        }
        String topic = headers.get("x-shopify-topic");
        if (topic == null || topic.isBlank()) throw new ShopifyWebhookPayloads.Malformed("X-Shopify-Topic is required");
        String eventHeader = headers.get("x-shopify-event-id");
        String webhookHeader = headers.get("x-shopify-webhook-id");
        if (firstNonBlank(eventHeader, webhookHeader) == null) {
            throw new ShopifyWebhookPayloads.Malformed("X-Shopify-Event-Id (or X-Shopify-Webhook-Id) is required");
        }
        String eventId = firstNonBlank(eventHeader, webhookHeader).strip();
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new ShopifyWebhookPayloads.Malformed("X-Shopify-Event-Id must be at most 128 letters, digits and -_.:");
        }
        // one merchant action (a bulk fulfilment) shares its event id among its deliveries; each delivery has its webhook id
        String deliveryId = webhookHeader != null && EVENT_ID.matcher(webhookHeader.strip()).matches() ? webhookHeader.strip() : eventId;
        OrderWebhook.Kind kind = OrderWebhook.kind(topic);
        if (kind == OrderWebhook.Kind.IGNORED) return new Received(topic, kind, false, false);
        OrderWebhook webhook = ShopifyWebhookPayloads.read(store.id(), topic, eventId, body);
        String key = OrderWebhook.deliveryKey(store.id(), deliveryId);
        if (!deliveries.claim(key, clock.instant().plus(DEDUPE_TTL))) return new Received(webhook.topic(), kind, true, false);
        try {
            queue.enqueue(webhook);
        } catch (RuntimeException e) {
            // Shopify retries what is not answered 2xx: that retry must not be taken for a duplicate
            deliveries.release(key);
            throw e;
        }
        return new Received(webhook.topic(), kind, false, true);
    }

    /** During a rotation Shopify still signs with the old secret; read only when the current one does not match. */
    private boolean signedWithPreviousSecret(Store store, String hmac, byte[] body) {
        return secrets.get(StoreSecrets.name(secretsPrefix, store.id(), StoreSecrets.PREVIOUS_WEBHOOK_SECRET))
                .map(previous -> ShopifyWebhookSignature.verify(hmac, previous, body)).orElse(false);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        return b != null && !b.isBlank() ? b : null;
    }
}
