package com.helpdesk.chatwebhook;

import com.helpdesk.chat.ChatPayloads;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.queue.InboundMessageCodec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the chat webhooks, read-only: a channel read for an id no channel can have, and each
 * provider's payload read and encoded for the inbound queue as a delivery would be. Nothing is enqueued: a
 * delivery's signature is checked against the channel's secret, and no channel is read for priming.
 */
final class ChatWebhookPriming {
    /** ChannelService refuses ids that start with '-': no channel is ever stored under it. */
    static final String NEVER_CHANNEL = "-snapstart-priming";

    private static final String GENERIC = "{\"eventId\":\"evt_priming\",\"conversationId\":\"conv_priming\","
            + "\"customer\":{\"id\":\"cust_priming\",\"name\":\"Priming\",\"email\":\"priming@priming.invalid\",\"phone\":\"+15550000000\"},"
            + "\"message\":{\"id\":\"msg_priming\",\"text\":\"Where is my order?\",\"sentAt\":\"2026-01-01T00:00:00Z\","
            + "\"attachments\":[{\"url\":\"https://priming.invalid/a.png\",\"contentType\":\"image/png\",\"filename\":\"a.png\",\"size\":1}]}}";
    private static final String WHATSAPP = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
            + "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"profile\":{\"name\":\"Priming\"},\"wa_id\":\"15550000000\"}],"
            + "\"messages\":[{\"from\":\"15550000000\",\"id\":\"wamid.priming\",\"timestamp\":\"1767225600\",\"type\":\"text\","
            + "\"text\":{\"body\":\"Where is my order?\"}}]},\"field\":\"messages\"}]}]}";
    private static final String TWILIO = "Author=whatsapp%3A%2B15550000000&Body=Where+is+my+order%3F&ConversationSid=CHpriming"
            + "&DateCreated=2026-01-01T00%3A00%3A00.000Z&EventType=onMessageAdded&Index=0&MessageSid=IMpriming&Source=API";

    private ChatWebhookPriming() {
    }

    static void prime(ChannelRepository channels, Instant now) {
        channels.find(NEVER_CHANNEL);
        for (InboundMessage m : decodeSamples(now)) InboundMessageCodec.encode(m);
    }

    /** Each provider's sample delivery, read by the decoder a delivery to such a channel goes through. */
    static List<InboundMessage> decodeSamples(Instant now) {
        List<InboundMessage> messages = new ArrayList<>();
        try {
            messages.addAll(ChatPayloads.generic(channel(ChatKind.GENERIC, now), bytes(GENERIC), now));
            messages.addAll(ChatPayloads.whatsapp(channel(ChatKind.WHATSAPP, now), bytes(WHATSAPP), now));
            messages.addAll(ChatPayloads.twilio(channel(ChatKind.TWILIO, now), ChatPayloads.form(bytes(TWILIO)), now));
        } catch (ChatPayloads.Malformed e) {
            throw new IllegalStateException("a priming sample no longer reads: " + e.getMessage(), e);
        }
        return messages;
    }

    private static ChatChannel channel(ChatKind kind, Instant now) {
        return new ChatChannel(NEVER_CHANNEL, kind, "SnapStart priming", Map.of(), now, now);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
