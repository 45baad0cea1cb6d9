package com.helpdesk.core.inbound;

import java.time.Instant;
import java.util.List;

/**
 * An inbound message kept without a ticket (an auto-reply or delivery report with no open ticket to
 * join): who sent it, about what, why it opened nothing, and where its raw source is.
 */
public record UnthreadedInbound(Instant receivedAt, String kind, String channel, String from, String subject, String reason,
                                String original) {

    /** One page, oldest first; {@code nextCursor} is null on the last page. */
    public record Page(List<UnthreadedInbound> items, String nextCursor) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
