package com.helpdesk.core.service;

import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The delivery bookkeeping of a reply: claimed for sending, then sent, delivered, read or failed. */
public final class ReplyDelivery {
    /** How long a sender may hold a reply in {@code sending} before another may take it over (it crashed). */
    public static final Duration SENDING_LEASE = Delivery.SENDING_LEASE;

    private final TicketRepository repository;
    private final TicketReads reads;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConflictRetry retry = ConflictRetry.commands();

    public ReplyDelivery(TicketRepository repository, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Claims a queued reply for sending, so that a second delivery of the same event does not send it
     * twice: the answer is empty when the reply is not (or no longer) waiting to be sent, or another
     * sender holds it. The claim is guarded by the reply's delivery state as read (a store may leave the
     * ticket alone); of two racing senders one wins.
     */
    public Optional<Message> beginDelivery(String ticketId, String messageId, Actor sender) {
        return retry.run(() -> {
            Ticket t = reads.ticket(ticketId);
            Message m = reads.ownMessage(ticketId, messageId);
            Instant now = StoreTime.now(clock);
            if (m.delivery() == null || !m.delivery().claimable(now)) return Optional.empty();
            Message claimed = m.withDelivery(m.delivery().claimed(now));
            Transition claim = t.recordDelivery(m, claimed.delivery(), new EventStamp(ids, sender, now));
            repository.commit(TicketWrite.messagesOnly(t, claim.ticket(), List.of(m), List.of(claimed), claim.events(), List.of()));
            return Optional.of(claimed);
        });
    }

    /**
     * Records what a provider said about a reply (see {@link DeliveryOutcome}): sent, delivered, read,
     * failed with a reason, or queued again after a transient failure.
     * Statuses only move forward; a late or repeated report changes nothing and returns false.
     */
    public boolean recordDelivery(String ticketId, String messageId, DeliveryOutcome outcome, Actor reporter) {
        return retry.run(() -> {
            Ticket t = reads.ticket(ticketId);
            Message m = reads.ownMessage(ticketId, messageId);
            if (m.delivery() != null && !m.delivery().accepts(outcome.status())) return false;
            Instant now = StoreTime.now(clock);
            Delivery next = Delivery.reported(m.delivery(), outcome.status(), now, outcome.providerId(),
                    TicketFields.blankToNull(outcome.detail()));
            Message changed = m.withDelivery(next);
            if (outcome.externalId() != null) changed = changed.withExternalId(outcome.externalId());
            Transition reported = t.recordDelivery(m, next, new EventStamp(ids, reporter, now));
            repository.commit(TicketWrite.messagesOnly(t, reported.ticket(), List.of(m), List.of(changed), reported.events(), outcome.threadKeys()));
            return true;
        });
    }

    /**
     * A send attempt failed, on any channel: a refusal, or a transient failure on the last allowed
     * attempt, marks the reply failed (and answers FAILED); an earlier transient failure queues it again
     * with the reason and throws {@link RetryLater}.
     */
    public SendOutcome failedAttempt(String ticketId, Message claimed, String reason, boolean permanent, int maxAttempts, Actor sender) {
        int attempts = claimed.delivery().attempts();
        if (permanent || attempts >= maxAttempts) {
            recordDelivery(ticketId, claimed.id(),
                    DeliveryOutcome.failed(permanent ? reason : "gave up after " + attempts + " attempts: " + reason), sender);
            return SendOutcome.FAILED;
        }
        recordDelivery(ticketId, claimed.id(), DeliveryOutcome.queuedAgain("retrying: " + reason), sender);
        throw new RetryLater(reason);
    }
}
