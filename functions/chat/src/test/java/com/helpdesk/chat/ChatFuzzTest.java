package com.helpdesk.chat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.inbound.InboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of the chat webhook decoders and their signature checks. In the normal build they run
 * in regression mode, once per committed seed (src/test/resources/com/helpdesk/chat/ChatFuzzTestInputs/&lt;method&gt;);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}. The contract: the only exceptions are the documented
 * ones the webhook answers 4xx with ({@link ChatPayloads.Malformed}: 400, {@link WebhookSignatures.Refused}:
 * 401); anything else escaping is a 500 and a finding; what is decoded is a usable inbound message.
 */
class ChatFuzzTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static ChatChannel channel(ChatKind kind) {
        return new ChatChannel("ch1", kind, "Channel", Map.of(), NOW, NOW);
    }

    @FuzzTest(maxDuration = "60s")
    void generic(byte[] body) {
        try {
            usable(ChatPayloads.generic(channel(ChatKind.GENERIC), body, NOW));
        } catch (ChatPayloads.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void whatsapp(byte[] body) {
        try {
            usable(ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), body, NOW));
        } catch (ChatPayloads.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void twilio(byte[] body) {
        try {
            usable(ChatPayloads.twilio(channel(ChatKind.TWILIO), ChatPayloads.form(body), NOW));
        } catch (ChatPayloads.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** Any header against any body is refused or accepted, never crashes; what we sign always verifies. */
    @FuzzTest(maxDuration = "60s")
    void signatures(FuzzedDataProvider data) {
        String secret = data.consumeString(40);
        String header = data.consumeString(300);
        String url = data.consumeString(200);
        byte[] body = data.consumeRemainingAsBytes();
        Map<String, String> form;
        try {
            form = ChatPayloads.form(body);
        } catch (ChatPayloads.Malformed e) {
            form = Map.of();
        }
        refusedOrAccepted(() -> WebhookSignatures.verifyGeneric(header, secret, body, NOW));
        refusedOrAccepted(() -> WebhookSignatures.verifyMeta(header, secret, body));
        Map<String, String> params = form;
        refusedOrAccepted(() -> WebhookSignatures.verifyTwilio(header, secret, url, params));
        if (secret.isEmpty()) return; // refused above: a channel without a secret accepts nothing
        try {
            WebhookSignatures.verifyGeneric(WebhookSignatures.generic(secret, NOW.getEpochSecond(), body), secret, body, NOW);
            WebhookSignatures.verifyMeta(WebhookSignatures.meta(secret, body), secret, body);
            WebhookSignatures.verifyTwilio(WebhookSignatures.twilio(secret, url, params), secret, url, params);
        } catch (WebhookSignatures.Refused e) {
            throw new AssertionError("our own signature was refused: " + e.getMessage());
        }
    }

    private interface Check {
        void run() throws WebhookSignatures.Refused;
    }

    private static void refusedOrAccepted(Check check) {
        try {
            check.run();
        } catch (WebhookSignatures.Refused expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void usable(List<InboundMessage> messages) {
        for (InboundMessage m : messages) {
            assertThat(m.dedupeKey()).isNotBlank();
            assertThat(m.requester()).isNotNull();
            assertThat(m.receivedAt()).isNotNull();
        }
    }
}
