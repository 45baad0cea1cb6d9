package com.helpdesk.core.triage;

import com.helpdesk.core.port.TicketWrite;

import java.util.Optional;

/** Where tickets' intents are kept: one per ticket, written together with the ticket's classification. */
public interface TicketIntents {
    Optional<Stored> find(String ticketId);

    /**
     * Writes the intent and {@code classification} (the ticket's new version with the intent's tag and the
     * IntentClassified event, see {@code Ticket#classify}) in one all-or-nothing write; {@code expectedVersion} is
     * the intent's version read (0 when there was none). Throws {@code VersionConflictException} when another write
     * to the intent or to the ticket came first.
     */
    void save(Intent intent, long expectedVersion, TicketWrite classification);

    /** @param version the intent's own revision: how many times the ticket was classified or corrected */
    record Stored(Intent intent, long version) {}
}
