package com.helpdesk.core.port;

import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.ticket.Requester;

/** Delivers a reply to a chat provider (the generic channel's callback, WhatsApp Cloud API, Twilio Conversations). */
public interface ChatSender {
    /** One reply: the conversation as the ticket knows it, the customer, and what to say. */
    record Reply(String messageId, String conversation, Requester customer, String text, String authorName) {}

    /** The provider refused or could not take the reply; {@code permanent} ones are not retried. */
    final class Failure extends Exception {
        private final boolean permanent;

        public Failure(String reason, boolean permanent) {
            super(reason, null, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    /** @return the provider's id for the sent message (status callbacks name it) */
    String send(ChatChannel channel, Reply reply) throws Failure;
}
