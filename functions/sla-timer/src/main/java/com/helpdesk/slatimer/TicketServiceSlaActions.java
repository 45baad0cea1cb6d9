package com.helpdesk.slatimer;

import com.helpdesk.core.service.TicketChange;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.ticket.Actor;

import java.util.List;
import java.util.OptionalLong;

/**
 * A breach's ticket commands through the ticket service, as the system actor {@code sla-timer}, so the
 * escalation rules and the history are the ticket service's own. (The one class to adapt when the ticket
 * service is split into use-case services.)
 */
final class TicketServiceSlaActions implements SlaActions {
    private static final Actor TIMER = Actor.system("sla-timer");
    private final TicketService tickets;

    TicketServiceSlaActions(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void escalate(String ticketId, String group, String reason) {
        tickets.escalate(ticketId, reason, group, OptionalLong.empty(), TIMER);
    }

    @Override
    public void tag(String ticketId, String tag) {
        tickets.update(ticketId, new TicketChange(null, null, null, null, null, List.of(tag), null), OptionalLong.empty(), TIMER);
    }
}
