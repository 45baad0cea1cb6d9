package com.helpdesk.metrics;

import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.metrics.MetricsStore;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.queue.QueuePriming;


/**
 * SnapStart priming of the metrics queue and of the backlog census, read-only: folding an event and taking a census
 * both write (aggregates, the day's backlog), so each primes its decoder and the reads it starts with only.
 */
final class MetricsPriming {
    private MetricsPriming() {
    }

    /** A TicketCreated through the queue's decoder, then the reads folding it starts with: the never-issued ticket's facts and the generations. */
    static void primeQueue(MetricsStore store) {
        BusEventDecoder.decode(QueuePriming.busEventTree(EventTypes.TICKET_CREATED));
        store.facts(QueuePriming.NEVER_ISSUED_TICKET);
        store.generations();
    }

    /** The first ticket of the open queue, as the census pages through it (nothing is counted or stored). */
    static void primeCensus(TicketRepository tickets) {
        tickets.list(new TicketQuery(Status.OPEN, null, null, null), 1, null);
    }
}
