package com.helpdesk.chat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTest {
    @Test
    void twilioMatchesThePublishedVector() throws Exception {
        // the example of Twilio's request validation (auth token 12345), as in its SDKs' tests
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234",
                "From", "+14158675309", "To", "+18005551212");
        assertThat(WebhookSignatures.twilio("12345", url, params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        WebhookSignatures.verifyTwilio("RSOYDt4T1cUTdK1PDd93/VVr8B8=", "12345", url, params);
        assertThatThrownBy(() -> WebhookSignatures.verifyTwilio("RSOYDt4T1cUTdK1PDd93/VVr8B8=", "12345", url.replace("foo=1", "foo=2"), params))
                .isInstanceOf(WebhookSignatures.Refused.class);
        assertThatThrownBy(() -> WebhookSignatures.verifyTwilio(null, "12345", url, params)).isInstanceOf(WebhookSignatures.Refused.class);
    }

    @Test
    void metaSignsTheRawBodyWithTheAppSecret() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignatures.meta("app-secret", body);
        assertThat(header).matches("sha256=[0-9a-f]{64}");
        WebhookSignatures.verifyMeta(header, "app-secret", body);
        WebhookSignatures.verifyMeta(header.toUpperCase().replace("SHA256=", "sha256="), "app-secret", body);
        assertThatThrownBy(() -> WebhookSignatures.verifyMeta(header, "app-secret", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookSignatures.Refused.class);
        assertThatThrownBy(() -> WebhookSignatures.verifyMeta("sha1=abc", "app-secret", body)).isInstanceOf(WebhookSignatures.Refused.class);
    }

    @Test
    void oursHasAFiveMinuteWindowAndAcceptsAnyOfSeveralV1DuringRotation() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        long t = 1_795_400_000L;
        String header = WebhookSignatures.generic("s", t, body);
        Instant now = Instant.ofEpochSecond(t + 299);
        WebhookSignatures.verifyGeneric(header, "s", body, now);
        String rotated = "t=" + t + ",v1=" + "0".repeat(64) + "," + header.substring(header.indexOf("v1="));
        assertThatCode(() -> WebhookSignatures.verifyGeneric(rotated, "s", body, now)).doesNotThrowAnyException();
        assertThatThrownBy(() -> WebhookSignatures.verifyGeneric(header, "s", body, Instant.ofEpochSecond(t + 301)))
                .isInstanceOf(WebhookSignatures.Refused.class).hasMessageContaining("window");
        assertThatThrownBy(() -> WebhookSignatures.verifyGeneric(header, "s", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), now))
                .isInstanceOf(WebhookSignatures.Refused.class);
        assertThatThrownBy(() -> WebhookSignatures.verifyGeneric("v1=abc", "s", body, now)).isInstanceOf(WebhookSignatures.Refused.class);
        assertThatThrownBy(() -> WebhookSignatures.verifyGeneric("t=x,v1=abc", "s", body, now)).isInstanceOf(WebhookSignatures.Refused.class);
    }
}
