package com.helpdesk.core.chat;

import com.helpdesk.core.port.ChatSender;
import com.helpdesk.core.port.ReplyTransport;
import com.helpdesk.core.service.DeliveryOutcome;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;
import java.util.Optional;

/**
 * The chat channel of the delivery flow: a chat ticket's public reply goes to the provider of its
 * conversation; the provider's message id becomes a thread key, so its status callbacks (delivered,
 * read, failed) find the reply.
 */
public final class ChatReplyTransport implements ReplyTransport {
    private static final Actor SENDER = Actor.system("outbound-chat");

    private final ChannelService channels;
    private final ChatSender sender;

    public ChatReplyTransport(ChannelService channels, ChatSender sender) {
        this.channels = channels;
        this.sender = sender;
    }

    @Override
    public Actor sender() {
        return SENDER;
    }

    @Override
    public DeliveryOutcome send(Ticket t, List<Message> thread, Message reply) throws Failure {
        String channelId = ChatKeys.channelOf(t.conversation());
        Optional<ChatChannel> channel = channelId == null ? Optional.empty() : channels.find(channelId);
        if (channel.isEmpty()) {
            throw new Failure(channelId == null ? "the ticket has no chat conversation to answer in"
                    : "chat channel " + channelId + " no longer exists", true);
        }
        String author = reply.author().type() == ActorType.SYSTEM ? null : reply.author().name() != null ? reply.author().name() : reply.author().id();
        try {
            String providerId = sender.send(channel.get(), new ChatSender.Reply(reply.id(), ChatKeys.conversationOf(t.conversation()),
                    t.requester(), reply.body(), author));
            return DeliveryOutcome.sent(providerId, providerId, List.of(ChatKeys.providerMessage(channelId, providerId)));
        } catch (ChatSender.Failure f) {
            throw new Failure(f.getMessage(), f.permanent());
        }
    }
}
