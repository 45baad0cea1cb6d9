package com.helpdesk.core.port;

import com.helpdesk.core.ticket.Status;

/**
 * A queue view: any combination of filters, newest-updated first. {@code assignee} may be
 * {@link #UNASSIGNED} for tickets nobody owns. All null means every ticket, across all statuses.
 */
public record TicketQuery(Status status, String assignee, String requester, String tag) {
    public static final String UNASSIGNED = "none";

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null);
    }
}
