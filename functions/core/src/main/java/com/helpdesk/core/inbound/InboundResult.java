package com.helpdesk.core.inbound;

/** Where an inbound message went, and why. */
public record InboundResult(Outcome outcome, String ticketId, String messageId, String reason) {
    public enum Outcome {
        /** A new ticket was opened for it. */
        CREATED,
        /** It joined an existing ticket's thread. */
        THREADED,
        /** Its conversation's ticket was closed: a follow-up ticket, linked to it, was opened. */
        FOLLOW_UP,
        /** The same delivery was stored before; nothing was written. */
        DUPLICATE,
        /** An auto-reply or delivery report that belongs to no open ticket: recorded, but it opens nothing. */
        UNTHREADED
    }
}
