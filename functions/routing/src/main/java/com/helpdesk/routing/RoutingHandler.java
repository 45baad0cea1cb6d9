package com.helpdesk.routing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.routing.TicketRouting;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueueRecords;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Consumes ticket events from RoutingQueue: runs the routing rules on new, reclassified or newly order-matched
 * tickets, and keeps agents' loads in step with assignments and statuses (TicketRouting). An event that cannot be
 * read, or names a ticket that does not exist, is parked in RoutingDeadLetterQueue with the reason; a ticket
 * closed while it was being routed is done; any other failure is failed back to the queue
 * (ReportBatchItemFailures), whose redrive policy is the net under it.
 */
public final class RoutingHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(RoutingHandler.class);
    private final TicketRouting routing;
    private final DeadLetters deadLetters;

    public RoutingHandler() {
        this(RoutingWiring.forQueue());
    }

    private RoutingHandler(RoutingWiring wiring) {
        this(wiring.routing(), wiring.deadLetters());
        SnapStartPriming.register(wiring::primeQueuePath);
    }

    public RoutingHandler(TicketRouting routing, DeadLetters deadLetters) {
        this.routing = routing;
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
        RoutingTrigger trigger;
        try {
            trigger = RoutingTrigger.decode(m.getBody());
        } catch (IllegalArgumentException unreadable) {
            return park(m, unreadable.getMessage());
        }
        Invocation.ticket(trigger.ticketId());
        try {
            if (trigger.routes()) {
                List<String> matched = routing.route(trigger.ticketId());
                log.info("routing on {}: {}", trigger.type(), matched.isEmpty() ? "no rule matched" : "rules " + matched);
            }
            routing.reconcile(trigger.ticketId());
            return true;
        } catch (NotFoundException gone) {
            return park(m, gone.getMessage());
        } catch (StateConflictException closed) {
            log.info("routing stopped: {}", closed.getMessage()); // its StatusChanged event brings the load in line
            return true;
        } catch (RuntimeException e) {
            log.error("routing failed; the queue redelivers it", e);
            return false;
        }
    }

    private boolean park(SQSEvent.SQSMessage m, String reason) {
        return QueueRecords.park(deadLetters, m, reason, "routing", log);
    }
}
