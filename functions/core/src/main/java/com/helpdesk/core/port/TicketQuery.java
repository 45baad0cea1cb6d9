package com.helpdesk.core.port;

import com.helpdesk.core.ticket.Status;

/**
 * A queue view: any combination of filters, newest-updated first. {@code assignee} may be
 * {@link #UNASSIGNED} for tickets nobody owns. All null means every ticket, across all statuses.
 * {@code group} is the ticket's group exactly as set (a team's queue).
 */
public record TicketQuery(Status status, String assignee, String requester, String tag, String group) {
    public static final String UNASSIGNED = "none";

    /** A view without a group filter. */
    public TicketQuery(Status status, String assignee, String requester, String tag) {
        this(status, assignee, requester, tag, null);
    }

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null);
    }
}
