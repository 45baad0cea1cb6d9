package com.helpdesk.core.service;

import com.helpdesk.core.port.ReplyTransport;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers a ticket's public reply through its channel, whatever the channel: the reply is claimed
 * first (so the same event delivered twice sends once), handed to the channel's transport, and the
 * outcome recorded on it: sent, failed with the reason, or queued again with {@link RetryLater} while
 * attempts remain. Internal notes are never queued, so never sent.
 */
public final class OutboundDelivery {
    private final ReplyDelivery deliveries;
    private final TicketReads reads;
    private final ReplyTransport transport;
    private final int maxAttempts;

    public OutboundDelivery(TicketRepository repository, ReplyDelivery deliveries, ReplyTransport transport, int maxAttempts) {
        this.deliveries = Objects.requireNonNull(deliveries);
        this.reads = new TicketReads(repository);
        this.transport = Objects.requireNonNull(transport);
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one send attempt");
        this.maxAttempts = maxAttempts;
    }

    public SendOutcome deliver(String ticketId, String messageId) {
        Optional<Message> claimed = deliveries.beginDelivery(ticketId, messageId, transport.sender());
        if (claimed.isEmpty()) return SendOutcome.SKIPPED;
        Message reply = claimed.get();
        Ticket ticket;
        List<Message> thread;
        if (transport.needsThread()) {
            TicketThread t = reads.thread(ticketId);
            ticket = t.ticket();
            thread = t.messages();
        } else {
            ticket = reads.ticket(ticketId);
            thread = List.of();
        }
        try {
            deliveries.recordDelivery(ticketId, messageId, transport.send(ticket, thread, reply), transport.sender());
            return SendOutcome.SENT;
        } catch (ReplyTransport.Failure f) {
            return deliveries.failedAttempt(ticketId, reply, f.getMessage(), f.permanent(), maxAttempts, transport.sender());
        }
    }
}
