package com.helpdesk.shopify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyWebhookSignatureTest {
    private static final byte[] BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\",\"name\":\"#9999\"}".getBytes(StandardCharsets.UTF_8);
    /** printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'shpss_webhook_secret' -binary | base64 */
    private static final String KNOWN = "kHddNaGB7HPO5RhCOVBrN2lbxN3XRS/VJF1YTtc2v1Q=";

    @Test
    void matchesAnIndependentlyComputedVector() {
        assertThat(ShopifyWebhookSignature.sign("shpss_webhook_secret", BODY)).isEqualTo(KNOWN);
        assertThat(ShopifyWebhookSignature.verify(KNOWN, "shpss_webhook_secret", BODY)).isTrue();
    }

    @Test
    void refusesAnotherSecretAChangedBodyAndMissingHeaders() {
        assertThat(ShopifyWebhookSignature.verify(KNOWN, "another_secret", BODY)).isFalse();
        byte[] changed = "{\"id\":820982911946154508,\"email\":\"jon@example.com\",\"name\":\"#9998\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ShopifyWebhookSignature.verify(KNOWN, "shpss_webhook_secret", changed)).isFalse();
        assertThat(ShopifyWebhookSignature.verify(null, "shpss_webhook_secret", BODY)).isFalse();
        assertThat(ShopifyWebhookSignature.verify("", "shpss_webhook_secret", BODY)).isFalse();
        assertThat(ShopifyWebhookSignature.verify(KNOWN, "", BODY)).isFalse();
    }

    @Test
    void anEmptyBodyHasTheHmacOfNothing() {
        // printf '' | openssl dgst -sha256 -hmac 'key' -binary | base64
        assertThat(ShopifyWebhookSignature.sign("key", new byte[0])).isEqualTo("XV0TlWPJW1lnub2ajJsjOp3ttFByeUzSMtwbdIMmB9A=");
    }
}
