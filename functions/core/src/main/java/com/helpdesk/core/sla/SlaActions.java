package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Status;

import java.util.Optional;

/**
 * What a breach needs from the ticket service: the ticket's status as it is now (not as the clocks last
 * heard: a resolve still in the queue must not be undone by an escalation), and the ticket commands a
 * policy's {@code onBreach} applies, through the ticket service's own rules (escalation raises the
 * priority, moves the ticket to the group's queue and is recorded in the history). Refusals (a closed
 * ticket) surface as the ticket service's domain exceptions.
 */
public interface SlaActions {
    /** The ticket's current status (a merged-away source is closed), or empty when there is no such ticket. */
    Optional<Status> statusNow(String ticketId);

    /** Escalates the ticket into {@code group} (null: the default escalation group), with {@code reason} in its history. */
    void escalate(String ticketId, String group, String reason);

    /** Adds {@code tag} to the ticket (nothing when it has it). */
    void tag(String ticketId, String tag);

    /**
     * A breach's {@code onBreach} was not applied: the ticket no longer needs work, or it refused the command
     * ({@code reason} says which). Told here so the adapter reports it; core has no logger.
     */
    void notApplied(String ticketId, String reason);
}
