package com.helpdesk.core.port;

import com.helpdesk.core.service.DeliveryOutcome;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;

/**
 * Hands a claimed reply to one channel's provider (email through SES, chat through its provider): the
 * channel-specific step of the one delivery flow ({@link com.helpdesk.core.service.OutboundDelivery}).
 */
public interface ReplyTransport {
    /** The system actor delivery news of this channel is recorded by. */
    Actor sender();

    /** Whether composing needs the thread before the reply (email chains In-Reply-To and References). */
    default boolean needsThread() {
        return false;
    }

    /**
     * Sends the reply.
     *
     * @param thread the ticket's messages in time order when {@link #needsThread()}, else empty
     * @return the outcome to record: sent, with the provider's ids and the thread keys answers will carry
     * @throws Failure when the provider refused or could not take it, or the ticket cannot be answered here
     */
    DeliveryOutcome send(Ticket ticket, List<Message> thread, Message reply) throws Failure;

    /** Not sent; {@code permanent} failures are not retried. */
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
}
