package com.helpdesk.core.orders;

import java.time.Instant;

/**
 * Webhook deliveries seen, so that a redelivery (Shopify retries anything not answered 2xx within 5 s, and may
 * send an event twice) does nothing. A key is remembered until {@code expiresAt}, past the provider's retries.
 */
public interface WebhookDeliveries {
    /** @return true when this is the first delivery of the key (it is now remembered), false for a duplicate */
    boolean claim(String key, Instant expiresAt);

    /** Forgets a key whose delivery could not be handed on, so that the provider's retry is not taken for a duplicate. */
    void release(String key);
}
