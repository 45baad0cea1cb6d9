package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Ticket;

import java.util.Objects;
import java.util.Set;

/** What policy selection looks at: a ticket's priority, channel and (normalised) tags. */
public record TicketFacts(Priority priority, Channel channel, Set<String> tags) {
    public TicketFacts {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static TicketFacts of(Ticket ticket) {
        return new TicketFacts(ticket.priority(), ticket.channel(), Set.copyOf(ticket.tags()));
    }
}
