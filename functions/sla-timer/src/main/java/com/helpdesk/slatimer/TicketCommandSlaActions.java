package com.helpdesk.slatimer;

import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.TicketChange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.OptionalLong;

/**
 * A breach's ticket commands through the ticket commands use case, as the system actor {@code sla-timer}, so
 * the escalation rules and the history are the ticket's own.
 */
final class TicketCommandSlaActions implements SlaActions {
    private static final Logger log = LoggerFactory.getLogger(TicketCommandSlaActions.class);
    private static final Actor TIMER = Actor.system("sla-timer");
    private final TicketCommands tickets;
    private final TicketRepository store;

    TicketCommandSlaActions(TicketCommands tickets, TicketRepository store) {
        this.tickets = tickets;
        this.store = store;
    }

    /** The ticket as it is now, not as the clocks last heard: a resolve still in the queue must not be undone. */
    private boolean needsWork(String ticketId) {
        return store.findTicket(ticketId)
                .map(t -> t.status() != Status.RESOLVED && t.status() != Status.CLOSED && t.mergedInto() == null)
                .orElse(false);
    }

    @Override
    public void escalate(String ticketId, String group, String reason) {
        if (!needsWork(ticketId)) return;
        tickets.escalate(ticketId, reason, group, OptionalLong.empty(), TIMER);
    }

    @Override
    public void tag(String ticketId, String tag) {
        if (!needsWork(ticketId)) return;
        tickets.update(ticketId, new TicketChange(null, null, null, null, null, List.of(tag), null), OptionalLong.empty(), TIMER);
    }

    @Override
    public void notApplied(String ticketId, String reason) {
        log.info("onBreach of ticket {} not applied: {}", ticketId, reason);
    }
}
