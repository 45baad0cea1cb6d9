package com.helpdesk.chat;

import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.inbound.InboundMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real-shaped samples in events/chat, read as the webhook function reads them. */
class ChatPayloadsTest {
    private static final Path EVENTS = Path.of("../../events/chat");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static ChatChannel channel(ChatKind kind) {
        return new ChatChannel("ch1", kind, "Channel", Map.of(), NOW, NOW);
    }

    @Test
    void genericMessage() throws Exception {
        List<InboundMessage> in = ChatPayloads.generic(channel(ChatKind.GENERIC), Files.readAllBytes(EVENTS.resolve("generic-message.json")), NOW);
        InboundMessage m = in.get(0);
        assertThat(m.dedupeKey()).isEqualTo("chat:ch1:msg:msg_000183");
        assertThat(m.threadKeys().get(0).key()).isEqualTo("chat:ch1:conv:conv_7f3a9b:cust_41822");
        assertThat(m.requester().email()).isEqualTo("nina.weber@example.com");
        assertThat(m.requester().phone()).isEqualTo("+491512345678");
        assertThat(m.requester().externalIds()).containsEntry("generic", "cust_41822");
        assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.filename()).isEqualTo("screenshot.png"));
        assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-11-23T09:41:07Z"));
    }

    @Test
    void whatsappMessagesAndStatuses() throws Exception {
        List<InboundMessage> in = ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), Files.readAllBytes(EVENTS.resolve("whatsapp-message.json")), NOW);
        assertThat(in).hasSize(2);
        assertThat(in.get(0).body()).isEqualTo("Does it come in another color?");
        assertThat(in.get(0).requester().phone()).isEqualTo("+16505551234");
        assertThat(in.get(0).requester().name()).isEqualTo("Sheena Nelson");
        assertThat(in.get(1).attachments()).singleElement().satisfies(a -> assertThat(a.contentType()).isEqualTo("image/jpeg"));
        assertThat(in.get(1).body()).isEqualTo("like this one");
        List<InboundMessage> status = ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), Files.readAllBytes(EVENTS.resolve("whatsapp-status.json")), NOW);
        assertThat(status).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(InboundMessage.Kind.STATUS);
            assertThat(s.bounce().status()).isEqualTo("read");
            assertThat(s.threadKeys().get(0).key()).isEqualTo("chat:ch1:msg:wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0RjQyMUY3RkIwNDA4RjE2QTAA");
        });
        assertThatThrownBy(() -> ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP), "{\"object\":\"page\"}".getBytes(), NOW))
                .isInstanceOf(ChatPayloads.Malformed.class);
    }

    @Test
    void twilioMessageAdded() throws Exception {
        Map<String, String> form = ChatPayloads.form(Files.readAllBytes(EVENTS.resolve("twilio-message-added.form")));
        List<InboundMessage> in = ChatPayloads.twilio(channel(ChatKind.TWILIO), form, NOW);
        assertThat(in).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Hello from WhatsApp via Twilio");
            assertThat(m.requester().phone()).isEqualTo("+14155552671");
            assertThat(m.threadKeys().get(0).key()).isEqualTo("chat:ch1:conv:CH00000000000000000000000000000001");
        });
        assertThat(ChatPayloads.twilio(channel(ChatKind.TWILIO), Map.of("EventType", "onConversationUpdated"), NOW)).isEmpty();
    }
}
