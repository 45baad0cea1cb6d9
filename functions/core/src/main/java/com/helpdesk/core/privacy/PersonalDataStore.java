package com.helpdesk.core.privacy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where a customer's personal data lives in the helpdesk's storage, for erasure. Every operation is idempotent:
 * an erasure that crashed half-way is finished by running it again.
 */
public interface PersonalDataStore {
    Optional<RedactionJob> findJob(String jobId);

    /** Writes the job as it is now (which tickets are still to do): what a retry resumes from. */
    void saveJob(RedactionJob job);

    /**
     * The storage keys of the ticket's files: every attachment and raw original its messages point at. Read before
     * {@link #redactTicket}, which erases the pointers.
     */
    java.util.List<String> filesOf(String ticketId);

    /**
     * Erases the customer's personal data from one ticket: requester details and subject, message bodies (text,
     * html, the raw original) and attachments replaced by {@link #MARKER}, their requester index entries and the
     * ticket's order context deleted, history and outbox entries kept without the data, plus one audit entry
     * ({@code PersonalDataRedacted}) naming the reason and the time, written once.
     *
     * @param identities the customer's email and phone as the requester index keeps them
     */
    void redactTicket(String ticketId, Set<String> identities, String reason, Instant at);

    /**
     * Deletes what is kept about the customer outside tickets: the store's order cache of them, and the mail flood
     * counters of the last days (they expire by themselves after a day; {@code at} is now).
     */
    void forgetCustomer(String storeId, Set<String> identities, Instant at);

    /** What replaces erased text. */
    String MARKER = "[redacted]";
}
