package com.helpdesk.core.port;

import com.helpdesk.core.ticket.TicketThread;

import java.util.Optional;

/** Storage of tickets and their threads. Every operation is a key lookup, a query or a conditional write. */
public interface TicketRepository {

    /** Allocates the next human-friendly ticket number, unique per deployment. */
    long allocateNumber();

    /**
     * Commits a write atomically. For a create ({@code expectedVersion == 0}) the ticket must not exist;
     * otherwise the stored version must equal {@code expectedVersion}.
     *
     * @param idempotency optional; when the key was already used, nothing is written and
     *                    {@link DuplicateRequestException} names the ticket created the first time
     * @throws com.helpdesk.core.VersionConflictException when the stored version differs
     */
    void commit(TicketWrite write, IdempotencyKey idempotency);

    default void commit(TicketWrite write) {
        commit(write, null);
    }

    /**
     * Commits changes to several tickets atomically (a merge, a link): all of them or none. Each write's
     * version condition holds as in {@link #commit(TicketWrite, IdempotencyKey)}.
     *
     * @throws com.helpdesk.core.VersionConflictException naming the first ticket whose version moved
     */
    void commitAll(java.util.List<TicketWrite> writes);

    /**
     * The ticket with its whole thread, or empty. The thread includes the messages of the tickets merged
     * into it (recursively), in time order.
     */
    Optional<TicketThread> find(String ticketId);

    /**
     * The ticket item alone, without its thread, or empty: for commands that need only the ticket's
     * state and version (a single GetItem in the DynamoDB store).
     */
    default Optional<com.helpdesk.core.ticket.Ticket> findTicket(String ticketId) {
        return find(ticketId).map(TicketThread::ticket);
    }

    /**
     * One message of the ticket's own thread (not of the tickets merged into it), or empty: for the
     * delivery of a reply and its status callbacks (a single GetItem in the DynamoDB store).
     */
    default Optional<com.helpdesk.core.ticket.Message> findMessage(String ticketId, String messageId) {
        return find(ticketId).flatMap(t -> t.messages().stream()
                .filter(m -> m.id().equals(messageId) && ticketId.equals(m.ticketId())).findFirst());
    }

    /** The id of the ticket with this number, or empty. */
    Optional<String> findIdByNumber(long number);

    /**
     * A page of the view, newest-updated first.
     *
     * @param cursor null for the first page, else a {@link TicketPage#nextCursor()} of the same query
     * @throws com.helpdesk.core.ValidationException (field "cursor") when the cursor is malformed,
     *         tampered with, or belongs to another query
     */
    TicketPage list(TicketQuery query, int limit, String cursor);

    /** The ticket a thread key points to (see {@link com.helpdesk.core.inbound.ThreadKey}), or empty. */
    Optional<String> ticketForThreadKey(String key);

    /** The ticket an inbound delivery went to, when it was stored before, or empty. */
    Optional<String> ticketForInbound(String dedupeKey);

    /**
     * {@link #ticketForInbound} and {@link #ticketForThreadKey} of each of {@code threadKeys}, read together: threading's
     * first step. The DynamoDB store reads them in one round trip (a consistent BatchGetItem), where a reply naming
     * its conversation's Message-IDs took one request per key.
     */
    default com.helpdesk.core.inbound.InboundLookup lookUpInbound(String dedupeKey, java.util.Collection<String> threadKeys) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (String key : threadKeys) ticketForThreadKey(key).ifPresent(id -> found.put(key, id));
        return new com.helpdesk.core.inbound.InboundLookup(ticketForInbound(dedupeKey).orElse(null), found);
    }

    /**
     * Commits the writes an inbound message causes, together with its dedupe record and the thread keys
     * it points at {@code ticketId}: all of it or nothing. {@code threadKeyClaims} maps each key to the
     * ticket it must still point to (null: it must still be unclaimed), so a concurrent claim fails.
     *
     * @throws DuplicateRequestException when the dedupe key was stored before (ticketId = where it went)
     * @throws com.helpdesk.core.inbound.ThreadKeyTakenException when another ticket claimed a key first
     * @throws com.helpdesk.core.VersionConflictException when a ticket changed meanwhile
     */
    void commitInbound(java.util.List<TicketWrite> writes, String dedupeKey, java.util.Map<String, String> threadKeyClaims,
                       String ticketId, java.time.Instant receivedAt);

    /**
     * Keeps an inbound message that opens nothing (an auto-reply or delivery report with no open ticket
     * to join): its dedupe record and a dated entry naming the sender, subject, reason and raw source.
     * Throws {@link DuplicateRequestException} when the same delivery was recorded before.
     */
    void recordUnthreaded(com.helpdesk.core.inbound.InboundMessage message, String reason, java.time.Instant at);

    /** The unthreaded inbound messages of one UTC day, oldest first. */
    com.helpdesk.core.inbound.UnthreadedInbound.Page unthreaded(java.time.LocalDate day, int limit, String cursor);

    /**
     * Resolved tickets resolved before {@code cutoff}, newest-updated first. The page is a snapshot of
     * an index: the caller re-checks each ticket before acting on it.
     */
    TicketPage resolvedBefore(java.time.Instant cutoff, int limit, String cursor);

    /**
     * The ticket's audit history, oldest first: the events of every committed change (they are written
     * in the same atomic write as the change, and never expire).
     *
     * @throws com.helpdesk.core.ValidationException (field "cursor") for a cursor not issued for this history
     */
    HistoryPage history(String ticketId, int limit, String cursor);
}
