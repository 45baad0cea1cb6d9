package com.helpdesk.chat;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.InboundQueue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat webhook intake: finds the channel, checks the provider's signature over the raw request,
 * reads the payload and enqueues what it holds for the processor. Nothing else: no ticket logic, so it
 * answers fast, and nothing is stored when anything is wrong.
 */
public final class WebhookReception {
    /** No such channel: 404. */
    public static final class UnknownChannel extends Exception {
        public UnknownChannel(String id) {
            super("no chat channel " + id, null, false, false);
        }
    }

    private final ChannelService channels;
    private final InboundQueue queue;
    private final Clock clock;

    public WebhookReception(ChannelService channels, InboundQueue queue, Clock clock) {
        this.channels = channels;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * WhatsApp's subscription handshake (GET with hub.mode=subscribe, hub.verify_token, hub.challenge):
     * the challenge when the token is the channel's, else empty (403). Only a WhatsApp channel has a verify token:
     * the handshake on any other channel is refused too.
     */
    public Optional<String> verify(String channelId, Map<String, String> query) throws UnknownChannel {
        ChatChannel ch = channel(channelId);
        if (ch.kind() != ChatKind.WHATSAPP) return Optional.empty();
        if (!"subscribe".equals(query.get("hub.mode")) || query.get("hub.challenge") == null) return Optional.empty();
        String given = query.getOrDefault("hub.verify_token", "");
        String expected = channels.secret(ch, "verifyToken");
        boolean ok = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.of(query.get("hub.challenge")) : Optional.empty();
    }

    /**
     * @param headers lower-case names
     * @param url     the URL the provider called, as it called it (Twilio signs it)
     * @return how many messages and status reports were enqueued
     */
    public int receive(String channelId, Map<String, String> headers, byte[] body, String url)
            throws UnknownChannel, WebhookSignatures.Refused, ChatPayloads.Malformed {
        ChatChannel ch = channel(channelId);
        List<InboundMessage> messages = switch (ch.kind()) {
            case GENERIC -> {
                WebhookSignatures.verifyGeneric(headers.get("x-helpdesk-signature"), channels.secret(ch, "signingSecret"), body, clock.instant());
                yield ChatPayloads.generic(ch, body, clock.instant());
            }
            case WHATSAPP -> {
                WebhookSignatures.verifyMeta(headers.get("x-hub-signature-256"), channels.secret(ch, "appSecret"), body);
                yield ChatPayloads.whatsapp(ch, body, clock.instant());
            }
            case TWILIO -> {
                Map<String, List<String>> form = ChatPayloads.formValues(body);
                String signedUrl = ch.settings().getOrDefault("webhookUrl", url);
                WebhookSignatures.verifyTwilioForm(headers.get("x-twilio-signature"), channels.secret(ch, "authToken"), signedUrl, form);
                yield ChatPayloads.twilio(ch, ChatPayloads.form(body), clock.instant());
            }
        };
        for (InboundMessage m : messages) {
            // one FIFO group per conversation (a status report: per reported message), so each is processed in order
            queue.enqueue(m, m.threadKeys().isEmpty() ? m.dedupeKey() : m.threadKeys().get(0).key());
        }
        return messages.size();
    }

    private ChatChannel channel(String id) throws UnknownChannel {
        return channels.find(id).orElseThrow(() -> new UnknownChannel(id));
    }
}
