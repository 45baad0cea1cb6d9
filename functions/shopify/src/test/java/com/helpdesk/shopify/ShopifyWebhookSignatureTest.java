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

    /**
     * A body as Shopify sends it: UTF-8 with umlauts, an en dash, an emoji, escaped quotes, a line break and runs
     * of spaces. {@code openssl dgst -sha256 -hmac 'shpss_webhook_secret' -binary body.json | base64}; the same JSON
     * re-serialised (with escaped non-ASCII characters) signs differently, which is why only the raw bytes are checked.
     */
    private static final byte[] UNICODE_BODY = ("{\"id\":820982911946154508,\"email\":\"jon@example.com\",\"note\":\"Grüße aus Köln – 🚚 \\\"schnell\\\"\",\n"
            + "  \"customer\": {\"first_name\": \"Zoë\",   \"email\":\"zoe@example.com\"}}\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyWithUnicodeAndWhitespaceIsSignedOverItsRawBytes() throws Exception {
        assertThat(UNICODE_BODY).hasSize(167);
        assertThat(ShopifyWebhookSignature.sign("shpss_webhook_secret", UNICODE_BODY)).isEqualTo("ZBY5whq4hd872kxVIK6OeaO7Q0qt7rzF5IQVZ/3OuzE=");
        assertThat(ShopifyWebhookSignature.verify("ZBY5whq4hd872kxVIK6OeaO7Q0qt7rzF5IQVZ/3OuzE=", "shpss_webhook_secret", UNICODE_BODY)).isTrue();
        byte[] reserialised = com.helpdesk.runtime.Json.mapper().writeValueAsBytes(com.helpdesk.runtime.Json.mapper().readTree(UNICODE_BODY));
        assertThat(ShopifyWebhookSignature.verify("ZBY5whq4hd872kxVIK6OeaO7Q0qt7rzF5IQVZ/3OuzE=", "shpss_webhook_secret", reserialised)).isFalse();
        // python3: json.dumps(json.loads(body)) signed with the same secret, i.e. what a re-serialising receiver would check
        assertThat(ShopifyWebhookSignature.sign("shpss_webhook_secret", "{\"id\": 820982911946154508, \"email\": \"jon@example.com\", \"note\": \"Gr\\u00fc\\u00dfe aus K\\u00f6ln \\u2013 \\ud83d\\ude9a \\\"schnell\\\"\", \"customer\": {\"first_name\": \"Zo\\u00eb\", \"email\": \"zoe@example.com\"}}"
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo("3NjbuLT5EtP8zDdqTgO9IKfnzz7lJ5fmIxkUkMhz3tM=");
    }

    @Test
    void anEmptyBodyHasTheHmacOfNothing() {
        // printf '' | openssl dgst -sha256 -hmac 'key' -binary | base64
        assertThat(ShopifyWebhookSignature.sign("key", new byte[0])).isEqualTo("XV0TlWPJW1lnub2ajJsjOp3ttFByeUzSMtwbdIMmB9A=");
    }
}
