package com.helpdesk.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One exchange in a ticket's thread: a public reply or an internal note. {@code threading} records why an
 * inbound message landed on this ticket; {@code externalId} is its id outside (an email's Message-ID, the
 * chat provider's message id); {@code original} is the raw source as received (an email's full MIME), kept
 * retrievable; {@code delivery} tracks a reply on its way out through the ticket's channel.
 */
public record Message(
        String id,
        String ticketId,
        Actor author,
        Visibility visibility,
        String body,
        String html,
        Channel channel,
        Instant createdAt,
        List<Attachment> attachments,
        String threading,
        String externalId,
        Attachment original,
        Delivery delivery) {

    public static final int MAX_BODY = 100_000;

    /** A message written in place (an agent's reply): no threading decision to record. */
    public Message(String id, String ticketId, Actor author, Visibility visibility, String body, String html, Channel channel,
                   Instant createdAt, List<Attachment> attachments) {
        this(id, ticketId, author, visibility, body, html, channel, createdAt, attachments, null, null, null, null);
    }

    public Message withDelivery(Delivery next) {
        return new Message(id, ticketId, author, visibility, body, html, channel, createdAt, attachments, threading, externalId,
                original, next);
    }

    public Message withExternalId(String next) {
        return new Message(id, ticketId, author, visibility, body, html, channel, createdAt, attachments, threading, next,
                original, delivery);
    }

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
