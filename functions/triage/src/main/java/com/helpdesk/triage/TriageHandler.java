package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.TicketTriage;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueueRecords;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Consumes TicketCreated, MessageAdded and OrderContextUpdated events from TriageQueue and classifies the
 * ticket (TicketTriage). An event that cannot be read, or names a ticket that does not exist, is parked in
 * TriageDeadLetterQueue with the reason; any other failure (a version conflict, the table) is failed back
 * to the queue (ReportBatchItemFailures), whose redrive policy is the net under it.
 */
public final class TriageHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(TriageHandler.class);
    private final TicketTriage tickets;
    private final DeadLetters deadLetters;

    public TriageHandler() {
        this(TriageWiring.forQueue());
    }

    private TriageHandler(TriageWiring wiring) {
        this(wiring.tickets(), wiring.deadLetters());
        SnapStartPriming.register(wiring::primeQueuePath);
    }

    public TriageHandler(TicketTriage tickets, DeadLetters deadLetters) {
        this.tickets = tickets;
        this.deadLetters = deadLetters;
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return QueueRecords.consume(event, context, this::handled);
    }

    /** @return false when the record is to come back through the queue */
    private boolean handled(SQSEvent.SQSMessage m) {
        TriageTrigger trigger;
        try {
            trigger = TriageTrigger.decode(m.getBody());
        } catch (IllegalArgumentException unreadable) {
            return park(m, unreadable.getMessage());
        }
        Invocation.ticket(trigger.ticketId());
        if (!trigger.fromCustomer()) return true;
        try {
            Optional<Intent> intent = trigger.type().equals(EventTypes.ORDER_CONTEXT_UPDATED)
                    ? tickets.classifyOnOrderContext(trigger.ticketId()) : tickets.classify(trigger.ticketId(), trigger.messageId());
            // the intent and its confidence only: the customer's words stay out of logs
            log.info("triage: {}", intent.map(i -> (i.name() == null ? "suggestions only" : i.name().wire()) + " " + i.confidence())
                    .orElse("unchanged"));
            return true;
        } catch (NotFoundException gone) {
            return park(m, gone.getMessage());
        } catch (RuntimeException e) {
            log.error("triage failed; the queue redelivers it", e);
            return false;
        }
    }

    private boolean park(SQSEvent.SQSMessage m, String reason) {
        return QueueRecords.park(deadLetters, m, reason, "triage", log);
    }
}
