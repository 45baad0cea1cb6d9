package com.helpdesk.chat;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.core.port.SecretStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook payloads that break the schema are refused whole, with the reason; nothing is enqueued. */
class PayloadValidationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static ChatChannel channel(ChatKind kind) {
        return new ChatChannel("ch1", kind, "Channel", Map.of(), NOW, NOW);
    }

    private static String generic(String text, String attachment) {
        return "{\"conversationId\":\"c1\",\"customer\":{\"id\":\"u1\",\"name\":\"Nina\"},\"message\":{\"id\":\"m1\",\"text\":" + text
                + (attachment == null ? "" : ",\"attachments\":[" + attachment + "]") + "}}";
    }

    private static List<InboundMessage> readGeneric(String body) throws ChatPayloads.Malformed {
        return ChatPayloads.generic(channel(ChatKind.GENERIC), body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void genericAttachmentsMustBeHttpUrlsOfASaneSizeAndTextMustBeAString() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put(generic("\"hi\"", "{\"url\":\"file:///etc/passwd\"}"), "message.attachments[0].url must be an http or https URL");
        refused.put(generic("\"hi\"", "{\"url\":\"ftp://files.example/x\"}"), "message.attachments[0].url must be an http or https URL");
        refused.put(generic("\"hi\"", "{\"url\":\"javascript:alert(1)\"}"), "message.attachments[0].url must be an http or https URL");
        refused.put(generic("\"hi\"", "{\"url\":\"JaVaScRiPt:alert(1)\"}"), "message.attachments[0].url must be an http or https URL");
        refused.put(generic("\"hi\"", "{\"url\":\"https:///nohost\"}"), "message.attachments[0].url must name a host");
        refused.put(generic("\"hi\"", "{\"url\":\"https://a.example/x\",\"size\":-1}"), "message.attachments[0].size must be between 0");
        refused.put(generic("\"hi\"", "{\"url\":\"https://a.example/x\",\"size\":1e12}"), "message.attachments[0].size must be a whole number");
        refused.put(generic("\"hi\"", "{\"url\":\"https://a.example/x\",\"size\":99999999999}"), "message.attachments[0].size must be between 0");
        refused.put(generic("\"hi\"", "{\"url\":\"https://a.example/x\",\"contentType\":\"text/html\\r\\nX: y\"}"), "contentType must be a media type");
        refused.put(generic("\"hi\"", "\"https://a.example/x\""), "message.attachments[0] must be an object");
        refused.put(generic("\"hi\"", "{\"url\":42}"), "message.attachments[0].url must be a string");
        refused.put(generic("12345", null), "message.text must be a string");
        refused.put(generic("{\"t\":1}", null), "message.text must be a string");
        for (Map.Entry<String, String> c : refused.entrySet()) {
            assertThatThrownBy(() -> readGeneric(c.getKey())).as(c.getKey())
                    .isInstanceOf(ChatPayloads.Malformed.class).hasMessageContaining(c.getValue());
        }
    }

    @Test
    void aCustomersDisplayNameIsOneLine() throws Exception {
        InboundMessage m = readGeneric(generic("\"hi\"", null).replace("\"Nina\"", "\"Nina\\r\\nBcc: x@evil.example\"")).get(0);
        assertThat(m.requester().name()).isEqualTo("Nina Bcc: x@evil.example");
    }

    @Test
    void fileNamesAreReducedToASafeBaseName() throws Exception {
        InboundMessage m = readGeneric(generic("\"hi\"", "{\"url\":\"https://a.example/u/1\",\"filename\":\"../../p\",\"size\":0},"
                + "{\"url\":\"http://a.example/u/2\",\"filename\":\"..\\\\..\\\\.bashrc\"},"
                + "{\"url\":\"https://a.example/u/3\",\"filename\":\"in\\u0000voice\\r\\n.pdf\"},"
                + "{\"url\":\"https://a.example/u/4\",\"filename\":\"../..\"}")).get(0);
        assertThat(m.attachments()).extracting(a -> a.filename()).containsExactly("p", "bashrc", "invoice.pdf", "attachment");
        assertThat(PayloadFields.filename("x".repeat(300) + ".png", "f")).hasSize(255).endsWith(".png");
    }

    @Test
    void whatsappAndTwilioMediaAreHeldToTheSameRules() throws Exception {
        String wa = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"16505551234\","
                + "\"id\":\"wamid.1\",\"type\":\"document\",\"document\":{\"id\":\"%s\",\"filename\":\"../../../etc/passwd\",\"mime_type\":\"application/pdf\"}}]}}]}]}";
        InboundMessage ok = ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), String.format(wa, "1234567890").getBytes(StandardCharsets.UTF_8), NOW).get(0);
        assertThat(ok.attachments().get(0).filename()).isEqualTo("passwd");
        assertThat(ok.attachments().get(0).id()).isEqualTo("ref/whatsapp-media/1234567890");
        assertThatThrownBy(() -> ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), String.format(wa, "../../x").getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(ChatPayloads.Malformed.class).hasMessageContaining("messages.document.id");
        String waNumber = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"16505551234\","
                + "\"id\":\"wamid.2\",\"type\":\"text\",\"text\":{\"body\":42}}]}}]}]}";
        assertThatThrownBy(() -> ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), waNumber.getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(ChatPayloads.Malformed.class).hasMessageContaining("messages.text.body must be a string");

        Map<String, String> form = new HashMap<>(Map.of("EventType", "onMessageAdded", "ConversationSid", "CH1", "MessageSid", "IM1",
                "Author", "whatsapp:+14155552671"));
        form.put("Media", "[{\"Sid\":\"ME0123\",\"Filename\":\"/etc/shadow\",\"ContentType\":\"image/jpeg\",\"Size\":2048}]");
        InboundMessage tw = ChatPayloads.twilio(channel(ChatKind.TWILIO), form, NOW).get(0);
        assertThat(tw.attachments().get(0).filename()).isEqualTo("shadow");
        assertThat(tw.attachments().get(0).size()).isEqualTo(2048);
        form.put("Media", "[{\"Sid\":\"ME0123\",\"Size\":-5}]");
        assertThatThrownBy(() -> ChatPayloads.twilio(channel(ChatKind.TWILIO), form, NOW)).hasMessageContaining("Media[0].Size");
        form.put("Media", "{\"Sid\":\"ME0123\"}");
        assertThatThrownBy(() -> ChatPayloads.twilio(channel(ChatKind.TWILIO), form, NOW)).hasMessageContaining("Media must be a JSON array");
    }

    @Test
    void aRefusedDeliveryEnqueuesNothing() {
        Map<String, String> secrets = new HashMap<>();
        ChannelRepository repo = new ChannelRepository() {
            final ChatChannel ch = new ChatChannel("widget", ChatKind.GENERIC, "Widget", Map.of(), NOW, NOW);
            public Optional<ChatChannel> find(String id) { return id.equals("widget") ? Optional.of(ch) : Optional.empty(); }
            public List<ChatChannel> list() { return List.of(ch); }
            public void save(ChatChannel channel) { }
            public boolean delete(String id) { return false; }
        };
        SecretStore store = new SecretStore() {
            public void put(String name, String value) { secrets.put(name, value); }
            public Optional<String> get(String name) { return Optional.ofNullable(secrets.get(name)); }
            public void delete(String name) { secrets.remove(name); }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ChannelService channels = new ChannelService(repo, store, "/t", clock);
        secrets.put(channels.secretName("widget", "signingSecret"), "s3cret");
        List<InboundMessage> enqueued = new ArrayList<>();
        WebhookReception reception = new WebhookReception(channels, (m, conversation) -> enqueued.add(m), clock);
        byte[] body = ("{\"conversationId\":\"c1\",\"customer\":{\"id\":\"u1\"},\"message\":{\"id\":\"m1\",\"text\":\"hi\",\"attachments\":["
                + "{\"url\":\"https://a.example/ok.png\"},{\"url\":\"file:///etc/passwd\",\"size\":-1,\"filename\":\"../../p\"}]}}").getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.generic("s3cret", NOW.getEpochSecond(), body);
        assertThatThrownBy(() -> reception.receive("widget", Map.of("x-helpdesk-signature", signature), body, "https://h/webhooks/chat/widget"))
                .isInstanceOf(ChatPayloads.Malformed.class).hasMessageContaining("message.attachments[1].url");
        assertThat(enqueued).isEmpty();
    }
}
