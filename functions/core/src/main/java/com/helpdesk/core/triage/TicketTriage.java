package com.helpdesk.core.triage;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.service.ConflictRetry;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.TicketThread;

import java.util.List;
import java.util.Optional;

/**
 * What triage does on the bus's events: classifies a ticket on a customer's message (the named one, or the
 * latest when the event names none: a new ticket, a new order context), with the ticket's subject and order
 * context. A ticket an agent opened for a customer (a phone call) has no customer message: its opening message
 * is read. A named message that is not a customer's, or has no text, leaves the intent as it is, and so does a
 * closed ticket (closed tickets are not changed; the customer's next message opens a follow-up, classified itself).
 */
public final class TicketTriage {
    private static final ConflictRetry RETRY = ConflictRetry.intake(false);
    private final IntentTriage triage;
    private final TicketQueries tickets;
    private final OrderContexts orders;

    public TicketTriage(IntentTriage triage, TicketQueries tickets, OrderContexts orders) {
        this.triage = triage;
        this.tickets = tickets;
        this.orders = orders;
    }

    /**
     * @param messageId the customer's message to read, or null for the ticket's latest customer message.
     * A ticket's creation and its first message arrive together, so two classifications of one ticket race
     * for its intent: the loser reads again and classifies what it finds then.
     */
    public Optional<Intent> classify(String ticketId, String messageId) {
        return RETRY.run(() -> classifyOnce(ticketId, messageId, false));
    }

    /**
     * The ticket's order context arrived: its latest customer message classified with it, and recorded even when the
     * verdict is the same ({@link IntentTriage#classifyOnEvidence}).
     */
    public Optional<Intent> classifyOnOrderContext(String ticketId) {
        return RETRY.run(() -> classifyOnce(ticketId, null, true));
    }

    private Optional<Intent> classifyOnce(String ticketId, String messageId, boolean evidence) {
        TicketThread thread = tickets.get(ticketId);
        if (thread.ticket().status() == com.helpdesk.core.ticket.Status.CLOSED) return Optional.empty();
        Optional<Message> message = messageId == null
                ? latestFromCustomer(thread.messages()).or(() -> thread.messages().stream().findFirst())
                : thread.messages().stream().filter(m -> m.id().equals(messageId)).findFirst().filter(TicketTriage::fromCustomer);
        if (message.isEmpty() || message.get().body() == null || message.get().body().isBlank()) return Optional.empty();
        OrderContext context = orders.find(ticketId).map(OrderContexts.Stored::context).orElse(null);
        String subject = thread.ticket().subject();
        String text = message.get().body();
        return evidence ? triage.classifyOnEvidence(thread.ticket(), subject, text, context) : triage.classify(thread.ticket(), subject, text, context);
    }

    private static Optional<Message> latestFromCustomer(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (fromCustomer(messages.get(i))) return Optional.of(messages.get(i));
        }
        return Optional.empty();
    }

    private static boolean fromCustomer(Message m) {
        return m.author() != null && m.author().type() == ActorType.CUSTOMER;
    }
}
