package com.helpdesk.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One exchange in a ticket's thread: a public reply or an internal note. */
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
        String threading) {

    public static final int MAX_BODY = 100_000;

    /** A message written in place (an agent's reply): no threading decision to record. */
    public Message(String id, String ticketId, Actor author, Visibility visibility, String body, String html, Channel channel,
                   Instant createdAt, List<Attachment> attachments) {
        this(id, ticketId, author, visibility, body, html, channel, createdAt, attachments, null);
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
