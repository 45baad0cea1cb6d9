package com.helpdesk.chat;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.core.port.SecretStore;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake's answers to requests that are not a delivery of the channel's provider. */
class WebhookReceptionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, ChatChannel> CHANNELS = Map.of(
            "widget", new ChatChannel("widget", ChatKind.GENERIC, "Widget", Map.of("callbackUrl", "https://w.example/cb"), NOW, NOW),
            "twilio", new ChatChannel("twilio", ChatKind.TWILIO, "Twilio", Map.of(), NOW, NOW),
            "whatsapp", new ChatChannel("whatsapp", ChatKind.WHATSAPP, "WhatsApp", Map.of("phoneNumberId", "1065"), NOW, NOW));

    private final Map<String, String> secrets = new HashMap<>();
    private final ChannelService channels = new ChannelService(new Channels(), new Secrets(), "/t", Clock.fixed(NOW, ZoneOffset.UTC));
    private final WebhookReception reception = new WebhookReception(channels, (m, conversation) -> { }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void onlyAWhatsappChannelAnswersMetasSubscriptionHandshake() throws Exception {
        secrets.put(channels.secretName("widget", "signingSecret"), "w-secret");
        secrets.put(channels.secretName("twilio", "authToken"), "tw-token");
        secrets.put(channels.secretName("whatsapp", "verifyToken"), "vt-123");
        Map<String, String> handshake = Map.of("hub.mode", "subscribe", "hub.verify_token", "vt-123", "hub.challenge", "1158201444");

        assertThat(reception.verify("whatsapp", handshake)).contains("1158201444");
        // a generic or Twilio channel has no verify token: anyone's GET is refused (403), not a missing secret's 500
        assertThat(reception.verify("widget", handshake)).isEmpty();
        assertThat(reception.verify("twilio", handshake)).isEmpty();
    }

    @Test
    void aTwilioDeliveryRepeatingAParameterIsVerifiedAsTwilioSignedIt() throws Exception {
        secrets.put(channels.secretName("twilio", "authToken"), "tw-token");
        String url = "https://api.example.com/webhooks/chat/twilio";
        // a group conversation's post-event webhook lists its addresses as one parameter repeated
        String form = "AccountSid=AC00000000000000000000000000000000&ConversationSid=CH00000000000000000000000000000001"
                + "&EventType=onConversationAdded&MessagingBinding.Address=%2B15551230002&MessagingBinding.Address=%2B15551230001"
                + "&MessagingBinding.ProjectedAddress=%2B15557654321&RetryCount=0&Source=SDK";
        // Twilio's algorithm written out: the URL, then each name with each of its values, names and values sorted
        String signed = url + "AccountSidAC00000000000000000000000000000000ConversationSidCH00000000000000000000000000000001"
                + "EventTypeonConversationAdded" + "MessagingBinding.Address+15551230001" + "MessagingBinding.Address+15551230002"
                + "MessagingBinding.ProjectedAddress+15557654321" + "RetryCount0" + "SourceSDK";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("tw-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));

        int accepted = reception.receive("twilio", Map.of("x-twilio-signature", signature), form.getBytes(StandardCharsets.UTF_8), url);

        assertThat(accepted).as("a genuine event the channel does not use: acknowledged, nothing enqueued").isZero();
    }

    private final class Channels implements ChannelRepository {
        @Override public Optional<ChatChannel> find(String id) { return Optional.ofNullable(CHANNELS.get(id)); }
        @Override public List<ChatChannel> list() { return List.copyOf(CHANNELS.values()); }
        @Override public void save(ChatChannel channel) { throw new AssertionError("the intake writes no channel"); }
        @Override public boolean delete(String id) { throw new AssertionError("the intake deletes no channel"); }
    }

    private final class Secrets implements SecretStore {
        @Override public void put(String name, String value) { throw new AssertionError("the intake writes no secret"); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(secrets.get(name)); }
        @Override public void delete(String name) { throw new AssertionError("the intake deletes no secret"); }
    }
}
