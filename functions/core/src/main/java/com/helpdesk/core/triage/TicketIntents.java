package com.helpdesk.core.triage;

import com.helpdesk.core.event.DomainEvent;

import java.util.Optional;

/** Where tickets' intents are kept: one per ticket, written together with its event. */
public interface TicketIntents {
    Optional<Stored> find(String ticketId);

    /**
     * Writes the intent and {@code event} in one write; {@code expectedVersion} is the version read (0 when there
     * was none). Throws {@code VersionConflictException} when another write came first.
     */
    void save(String ticketId, Intent intent, long expectedVersion, DomainEvent event);

    record Stored(Intent intent, long version) {}
}
