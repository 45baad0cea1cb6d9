package com.helpdesk.core.port;

import com.helpdesk.core.inbound.InboundMessage;

/**
 * Hands normalised inbound messages from the intake functions to the one processor that threads them.
 * Messages of one {@code conversation} (a sender, a chat conversation) are processed in order; the
 * same message enqueued twice in a short time is delivered once (and stored once in any case).
 */
public interface InboundQueue {
    void enqueue(InboundMessage message, String conversation);
}
