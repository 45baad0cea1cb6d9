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
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A breach's ticket commands through the ticket commands use case, as the system actor {@code sla-timer}, so
 * the escalation rules and the history are the ticket's own. Whether to act at all is decided once, in
 * {@link com.helpdesk.core.sla.SlaTimer}, from {@link #statusNow}.
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

    /** One GetItem of the ticket item; a ticket merged away counts as closed whatever its status says. */
    @Override
    public Optional<Status> statusNow(String ticketId) {
        return store.findTicket(ticketId).map(t -> t.mergedInto() != null ? Status.CLOSED : t.status());
    }

    @Override
    public void escalate(String ticketId, String group, String reason) {
        tickets.escalate(ticketId, reason, group, OptionalLong.empty(), TIMER);
    }

    @Override
    public void tag(String ticketId, String tag) {
        tickets.update(ticketId, new TicketChange(null, null, null, null, null, List.of(tag), null), OptionalLong.empty(), TIMER);
    }

    @Override
    public void notApplied(String ticketId, String reason) {
        log.info("onBreach of ticket {} not applied: {}", ticketId, reason);
    }
}
