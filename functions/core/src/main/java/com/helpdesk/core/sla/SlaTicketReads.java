package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agents' reads that join a ticket with its clocks: the ticket with its thread and its stored SLA state
 * (both in the ticket's item collection, so one read), and the "breaching soon" queue view over the sparse
 * index of the earliest running due time (docs/access-patterns.md).
 */
public interface SlaTicketReads {

    /** The thread as {@code TicketRepository.find} gives it, and the ticket's SLA state ({@link TicketSlaWire}; empty: no clocks). */
    record ThreadWithSla(TicketThread thread, Map<String, Object> slaState) {
        public ThreadWithSla {
            Objects.requireNonNull(thread, "thread");
            slaState = Map.copyOf(slaState);
        }
    }

    /** A ticket in the view with the earliest due time of its running clocks. */
    record DueTicket(Ticket ticket, Instant dueAt) {}

    /** One page of the view; {@code nextCursor} null on the last page. */
    record DuePage(List<DueTicket> items, String nextCursor) {
        public DuePage {
            items = List.copyOf(items);
        }
    }

    Optional<ThreadWithSla> threadWithSla(String ticketId);

    /**
     * Tickets with a running clock due before {@code before} (exclusive), earliest due first.
     *
     * @throws com.helpdesk.core.ValidationException (field "cursor") when the cursor is malformed, tampered
     *         with, or belongs to another bound
     */
    DuePage dueBefore(Instant before, int limit, String cursor);
}
