package com.helpdesk.core.inbound;

import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;

import java.time.Instant;
import java.util.List;

/**
 * One customer message from any channel, normalised by its intake function. {@code dedupeKey}
 * identifies the delivery (an email's Message-ID, a provider's message id): the same key twice is
 * stored once. {@code threadKeys} are tried in order; the message also becomes reachable by them.
 */
public record InboundMessage(
        String dedupeKey,
        List<ThreadKey> threadKeys,
        Channel channel,
        Requester requester,
        String subject,
        String body,
        String html,
        List<Attachment> attachments,
        Instant receivedAt,
        List<String> tags) {

    public InboundMessage {
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
