package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;

import java.util.EnumMap;
import java.util.Map;

import static com.helpdesk.core.ticket.Status.CLOSED;
import static com.helpdesk.core.ticket.Status.NEW;
import static com.helpdesk.core.ticket.Status.OPEN;
import static com.helpdesk.core.ticket.Status.PENDING;
import static com.helpdesk.core.ticket.Status.RESOLVED;

/**
 * The ticket lifecycle as an explicit table (docs/lifecycle.md renders the same table).
 * A cell is either null (the move is allowed) or the reason the move is refused.
 * Staying in the same status is always a no-op, except for closed, which accepts nothing.
 *
 * Event-driven moves are separate rules: a customer message reopens pending/resolved tickets,
 * an agent's public reply takes a new ticket to open, and nothing touches a closed ticket.
 */
public final class StatusTransitions {
    private static final Map<Status, Map<Status, String>> REFUSALS = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) REFUSALS.put(s, new EnumMap<>(Status.class));
        refuse(OPEN, NEW, "a ticket that has been worked on cannot go back to new");
        refuse(PENDING, NEW, "a ticket that has been worked on cannot go back to new");
        refuse(RESOLVED, NEW, "a resolved ticket reopens as open, not new");
        refuse(RESOLVED, PENDING, "reopen a resolved ticket (status open) before setting it pending");
        for (Status to : Status.values()) {
            refuse(CLOSED, to, "closed is terminal; a new contact opens a follow-up ticket");
        }
    }

    private StatusTransitions() {}

    private static void refuse(Status from, Status to, String reason) {
        REFUSALS.get(from).put(to, reason);
    }

    /** Null when {@code from -> to} is allowed, else the reason it is not. */
    public static String refusal(Status from, Status to) {
        return REFUSALS.get(from).get(to);
    }

    public static boolean allowed(Status from, Status to) {
        return refusal(from, to) == null;
    }

    /** Throws with the reason when an agent's explicit move is not allowed. */
    public static void check(Status from, Status to) {
        String reason = refusal(from, to);
        if (reason != null) {
            throw new StateConflictException("illegal-transition",
                    "cannot change status from " + from.wire() + " to " + to.wire() + ": " + reason);
        }
    }

    /** Status after the customer writes: pending and resolved tickets reopen. Closed tickets need a follow-up. */
    public static Status afterCustomerMessage(Status current) {
        return switch (current) {
            case NEW -> NEW;
            case OPEN, PENDING, RESOLVED -> OPEN;
            case CLOSED -> throw new StateConflictException("ticket-closed",
                    "the ticket is closed; a new message opens a follow-up ticket");
        };
    }

    /** Status after the team answers publicly: a new ticket becomes open; others keep their status. */
    public static Status afterTeamReply(Status current) {
        return switch (current) {
            case NEW -> OPEN;
            case OPEN, PENDING, RESOLVED -> current;
            case CLOSED -> throw new StateConflictException("ticket-closed",
                    "the ticket is closed and accepts no more messages");
        };
    }

    /** Status after an internal note: unchanged, but closed tickets accept nothing. */
    public static Status afterInternalNote(Status current) {
        if (current == CLOSED) {
            throw new StateConflictException("ticket-closed", "the ticket is closed and accepts no more messages");
        }
        return current;
    }
}
