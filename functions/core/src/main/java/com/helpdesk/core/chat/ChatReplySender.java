package com.helpdesk.core.chat;

import com.helpdesk.core.port.ChatSender;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.service.ReplyDelivery;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;
import java.util.Optional;

/**
 * Sends a chat ticket's public reply to the provider of its conversation, claimed first so a repeated
 * event sends once; the provider's message id becomes a thread key, so its status callbacks (delivered,
 * read, failed) find the reply. Internal notes are never queued, so never sent.
 */
public final class ChatReplySender {
    private static final Actor SENDER = Actor.system("outbound-chat");

    private final ReplyDelivery deliveries;
    private final TicketQueries tickets;
    private final ChannelService channels;
    private final ChatSender sender;
    private final int maxAttempts;

    public ChatReplySender(ReplyDelivery deliveries, TicketQueries tickets, ChannelService channels, ChatSender sender, int maxAttempts) {
        this.deliveries = deliveries;
        this.tickets = tickets;
        this.channels = channels;
        this.sender = sender;
        this.maxAttempts = maxAttempts;
    }

    public SendOutcome deliver(String ticketId, String messageId) {
        Optional<Message> claimed = deliveries.beginDelivery(ticketId, messageId, SENDER);
        if (claimed.isEmpty()) return SendOutcome.SKIPPED;
        Message reply = claimed.get();
        Ticket t = tickets.get(ticketId).ticket();
        String channelId = ChatKeys.channelOf(t.conversation());
        Optional<ChatChannel> channel = channelId == null ? Optional.empty() : channels.find(channelId);
        if (channel.isEmpty()) {
            fail(ticketId, messageId, channelId == null ? "the ticket has no chat conversation to answer in" : "chat channel " + channelId + " no longer exists");
            return SendOutcome.FAILED;
        }
        String author = reply.author().type() == ActorType.SYSTEM ? null : reply.author().name() != null ? reply.author().name() : reply.author().id();
        try {
            String providerId = sender.send(channel.get(), new ChatSender.Reply(reply.id(), ChatKeys.conversationOf(t.conversation()), t.requester(),
                    reply.body(), author));
            deliveries.recordDelivery(ticketId, messageId, DeliveryStatus.SENT, providerId, null, providerId,
                    List.of(ChatKeys.providerMessage(channelId, providerId)), SENDER);
            return SendOutcome.SENT;
        } catch (ChatSender.Failure f) {
            return deliveries.failedAttempt(ticketId, reply, f.getMessage(), f.permanent(), maxAttempts, SENDER);
        }
    }

    private void fail(String ticketId, String messageId, String why) {
        deliveries.recordDelivery(ticketId, messageId, DeliveryStatus.FAILED, null, why, null, List.of(), SENDER);
    }
}
