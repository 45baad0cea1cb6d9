package com.helpdesk.orderlookup;

import com.helpdesk.shopify.ShopifyWebhookPayloads;
import com.helpdesk.shopify.ShopifyWebhookReception;
import com.helpdesk.shopify.ShopifyWebhookSignature;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SnapStart priming of the Shopify webhook, read-only: an order webhook's payload read and its signature checked (pure
 * code), then a delivery to a store id no store can have, which reads the store, finds nothing and stops before the
 * dedupe item or the queue. Without a signature header it would stop before them anyway.
 */
final class ShopifyWebhookPriming {
    /** Store ids start with a letter or digit (Store.validated, and the path parameter's rule): no store is ever stored under this one. */
    static final String NEVER_STORE = "-snapstart-priming";
    private static final byte[] ORDER = ("{\"id\":1,\"email\":\"priming@priming.invalid\",\"phone\":\"+15550000000\","
            + "\"customer\":{\"id\":1,\"email\":\"priming@priming.invalid\"}}").getBytes(StandardCharsets.UTF_8);

    private ShopifyWebhookPriming() {
    }

    static void prime(ShopifyWebhookReception reception) {
        try {
            ShopifyWebhookPayloads.read(NEVER_STORE, "orders/updated", "snapstart-priming", ORDER);
            ShopifyWebhookSignature.verify(ShopifyWebhookSignature.sign("snapstart-priming", ORDER), "snapstart-priming", ORDER);
            reception.receive(NEVER_STORE, Map.of(), ORDER);
        } catch (ShopifyWebhookReception.UnknownStore expected) {
            return;
        } catch (ShopifyWebhookReception.Refused | ShopifyWebhookPayloads.Malformed e) {
            throw new IllegalStateException("priming expected store " + NEVER_STORE + " not to exist: " + e.getMessage(), e);
        }
        throw new IllegalStateException("priming expected store " + NEVER_STORE + " not to exist");
    }
}
