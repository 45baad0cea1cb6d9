package com.helpdesk.core.service;

import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;

import java.time.Clock;

/**
 * The ticket use cases over one store, for a composition root to build in one line and hand each
 * consumer the ones it needs. It holds no behaviour of its own.
 */
public record TicketDesk(TicketCommands commands, TicketRelations relations, TicketQueries queries, InboundThreading inbound,
                         AiIntake ai, ReplyDelivery deliveries) {

    public static TicketDesk wire(TicketRepository repository, IdGenerator ids, Clock clock) {
        return wire(repository, ids, clock, ConflictRetry.commands());
    }

    /** As above, with the commands' (replies, changes, tags) retry of lost races bounded by {@code commandRetry}. */
    public static TicketDesk wire(TicketRepository repository, IdGenerator ids, Clock clock, ConflictRetry commandRetry) {
        return new TicketDesk(new TicketCommands(repository, ids, clock, commandRetry), new TicketRelations(repository, ids, clock),
                new TicketQueries(repository, clock), new InboundThreading(repository, ids, clock), new AiIntake(repository, ids, clock),
                new ReplyDelivery(repository, ids, clock));
    }
}
