package com.helpdesk.outboundchat;

import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.service.RetryLater;
import com.helpdesk.core.service.SendOutcome;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.core.event.EventTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;


/**
 * Consumes MessageAdded events of public chat replies (by agents, the AI, or notices) and delivers each
 * to its provider. The same event twice sends once; transient failures come back with backoff. Each
 * record succeeds or fails on its own (ReportBatchItemFailures); one that is not such an event is failed
 * back, so the queue's redrive policy parks it in the dead-letter queue instead of losing it.
 */
public final class OutboundChatHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(OutboundChatHandler.class);
    private final OutboundDelivery sender;
    private final QueueBackoff backoff;
    private final OperationalMetrics metrics;

    public OutboundChatHandler() {
        this(OutboundChatWiring.fromEnvironment());
    }

    private OutboundChatHandler(OutboundChatWiring wiring) {
        this(wiring.sender(), wiring.backoff(), wiring.metrics());
        SnapStartPriming.register(this::prime);
    }

    public OutboundChatHandler(OutboundDelivery sender, QueueBackoff backoff, OperationalMetrics metrics) {
        this.metrics = metrics;
        this.sender = sender;
        this.backoff = backoff;
    }

    /**
     * SnapStart priming, read-only: a MessageAdded event read as a delivery reads it, and the delivery of its reply on a
     * ticket never issued, which reads the ticket, finds nothing and neither claims nor sends. The provider's sender is
     * not primed: it only runs on a claimed reply.
     */
    void prime() {
        JsonNode detail = QueuePriming.busEventTree(EventTypes.MESSAGE_ADDED).path("detail");
        QueuePriming.onNeverIssuedTicket(() -> sender.deliver(detail.path("ticketId").asText(), detail.path("data").path("messageId").asText()));
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return com.helpdesk.queue.QueueRecords.consume(event, context, this::delivered);
    }

    /** @return false when the message is to come back */
    private boolean delivered(SQSEvent.SQSMessage m) {
        String ticketId = null;
        String messageId = null;
        Exception unreadable = null;
        try {
            JsonNode busEvent = Json.mapper().readTree(m.getBody());
            JsonNode detail = busEvent.path("detail");
            ticketId = detail.path("ticketId").asText(null);
            messageId = detail.path("data").path("messageId").asText(null);
            Invocation.ticket(ticketId);
        } catch (Exception notJson) {
            unreadable = notJson; // failed back below
        }
        if (ticketId == null || messageId == null) {
            // never dropped: failed back to the queue, whose redrive policy parks it in the dead-letter queue for a look
            log.error("not a MessageAdded event; left for the dead-letter queue", unreadable);
            return false;
        }
        try {
            SendOutcome outcome = counted(sender.deliver(ticketId, messageId), "chat");
            log.info("chat reply {}: {}", messageId, outcome);
            return true;
        } catch (RetryLater e) {
            log.warn("chat reply {} retried later: {}", messageId, e.getMessage());
            backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
            return false;
        } catch (NotFoundException gone) {
            log.warn("reply {} no longer exists; dropped", messageId);
            return true;
        } catch (RuntimeException e) {
            log.error("chat reply {} failed; retried", messageId, e);
            return false;
        }
    }

    private SendOutcome counted(SendOutcome outcome, String channel) {
        if (outcome == SendOutcome.SENT) metrics.replySent(channel);
        if (outcome == SendOutcome.FAILED) metrics.replyFailed(channel);
        return outcome;
    }
}
