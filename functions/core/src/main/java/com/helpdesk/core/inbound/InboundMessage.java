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
 * {@code externalId} is the message's own id outside (kept on the message), {@code original} its raw
 * source. An {@link Kind#AUTO_REPLY} never opens a ticket nor reopens one; a {@link Kind#BOUNCE} marks
 * the reply it reports as failed. {@code recipients} are the support addresses an email was delivered to (its
 * SES envelope recipients), which say the store a new ticket belongs to; empty for other channels.
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
        List<String> tags,
        String externalId,
        Attachment original,
        Kind kind,
        Bounce bounce,
        List<String> recipients) {

    /** MESSAGE: a person wrote; AUTO_REPLY: a machine did; BOUNCE and STATUS: a provider reports on one of our replies. */
    public enum Kind { MESSAGE, AUTO_REPLY, BOUNCE, STATUS }

    /**
     * What a delivery report (a bounce) or a provider's status callback says about one of our replies:
     * {@code repliedExternalId} is the id the reply went out with (its Message-ID, the provider's message
     * id); the message's thread keys lead to its ticket. For a status callback {@code status} is
     * delivered, read or failed.
     */
    public record Bounce(String repliedExternalId, String recipient, String status, String diagnostic) {}

    public InboundMessage {
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tags = tags == null ? List.of() : List.copyOf(tags);
        kind = kind == null ? Kind.MESSAGE : kind;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A message delivered to no particular address (every channel but email). */
    public InboundMessage(String dedupeKey, List<ThreadKey> threadKeys, Channel channel, Requester requester, String subject,
                          String body, String html, List<Attachment> attachments, Instant receivedAt, List<String> tags,
                          String externalId, Attachment original, Kind kind, Bounce bounce) {
        this(dedupeKey, threadKeys, channel, requester, subject, body, html, attachments, receivedAt, tags, externalId, original, kind, bounce,
                List.of());
    }

    /** An ordinary message. */
    public InboundMessage(String dedupeKey, List<ThreadKey> threadKeys, Channel channel, Requester requester, String subject,
                          String body, String html, List<Attachment> attachments, Instant receivedAt, List<String> tags) {
        this(dedupeKey, threadKeys, channel, requester, subject, body, html, attachments, receivedAt, tags, null, null, Kind.MESSAGE, null);
    }
}
