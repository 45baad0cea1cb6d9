package com.helpdesk.core.deflection;

import com.helpdesk.core.event.DomainEvent;

import java.util.Optional;

/**
 * The auto-answer's decisions about a ticket that changed nothing on it (why the AI did not answer): the last one is
 * kept beside the ticket, under a version of its own, so a redelivered event records nothing twice; each is written
 * with its event into the ticket's history, after the ticket version it was made on.
 */
public interface AutoAnswerLog {
    /** The {@link WismoDecision#key()} of the last decision recorded and the item's version; empty when none was. */
    Optional<Last> last(String ticketId);

    /**
     * Writes {@code key} as the last decision and {@code event} into the ticket's history (after {@code ticketVersion}'s
     * own entries), in one write; {@code expectedVersion} is the version read (0 for none). Throws
     * {@code VersionConflictException} when another write came first.
     */
    void record(String ticketId, String key, long expectedVersion, long ticketVersion, DomainEvent event);

    record Last(String key, long version) {}
}
