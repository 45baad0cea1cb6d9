package com.helpdesk.outboundemail;

import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.service.RetryLater;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.queue.QueuePriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;


/**
 * Consumes ticket events from the outbound email queue: MessageAdded (a public reply by the team, or a
 * notice) is sent through SES; TicketCreated (of a customer's mail) gets the acknowledgment notice;
 * StatusChanged to resolved gets the resolution notice with the survey links. The same event delivered
 * twice sends once (a reply is claimed before sending; a notice is written once per key); a transient
 * failure comes back through the queue with backoff; an event of no use is dropped with a log line (it
 * cannot become useful by retrying); a record that is not a ticket event at all is failed back, so the
 * queue's redrive policy parks it in the dead-letter queue instead of losing it. Each record succeeds or
 * fails on its own (ReportBatchItemFailures): one bad record never redelivers its batch.
 */
public final class OutboundEmailHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(OutboundEmailHandler.class);
    private final OutboundDelivery sender;
    private final EmailNotices notices;
    private final com.helpdesk.queue.QueueBackoff backoff;
    private final OperationalMetrics metrics;

    public OutboundEmailHandler() {
        this(OutboundEmailWiring.fromEnvironment());
    }

    private OutboundEmailHandler(OutboundEmailWiring wiring) {
        this(wiring.sender(), wiring.notices(), wiring.backoff(), wiring.metrics());
        SnapStartPriming.register(this::prime);
    }

    public OutboundEmailHandler(OutboundDelivery sender, EmailNotices notices, com.helpdesk.queue.QueueBackoff backoff, OperationalMetrics metrics) {
        this.metrics = metrics;
        this.sender = sender;
        this.notices = notices;
        this.backoff = backoff;
    }

    /**
     * SnapStart priming, read-only: a MessageAdded event read as a send reads it, then the delivery of its reply and the
     * resolution notice on a ticket never issued: each reads the ticket, finds nothing and neither writes nor mails.
     * Composing and sending a mail (SES) is not primed: it only runs on a claimed reply.
     */
    void prime() {
        JsonNode detail = QueuePriming.busEventTree(EventTypes.MESSAGE_ADDED).path("detail");
        String ticketId = detail.path("ticketId").asText();
        QueuePriming.onNeverIssuedTicket(() -> sender.deliver(ticketId, detail.path("data").path("messageId").asText()));
        QueuePriming.onNeverIssuedTicket(() -> notices.resolved(ticketId));
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return com.helpdesk.queue.QueueRecords.consume(event, context, this::sent);
    }

    /** @return false when the message is to come back */
    private boolean sent(SQSEvent.SQSMessage m) {
        JsonNode busEvent;
        Exception unreadable = null;
        try {
            busEvent = Json.mapper().readTree(m.getBody());
        } catch (Exception notJson) {
            busEvent = MissingNode.getInstance();
            unreadable = notJson;
        }
        JsonNode detail = busEvent.path("detail");
        String type = busEvent.path("detail-type").asText(null);
        String ticketId = detail.path("ticketId").asText(null);
        String messageId = detail.path("data").path("messageId").asText(null);
        Invocation.ticket(ticketId);
        if (ticketId == null || type == null || type.equals(EventTypes.MESSAGE_ADDED) && messageId == null) {
            // never dropped: failed back to the queue, whose redrive policy parks it in the dead-letter queue for a look
            log.error("not a ticket event ({}); left for the dead-letter queue",
                    unreadable == null ? "no detail-type, ticketId or messageId" : "not JSON", unreadable);
            return false;
        }
        try {
            String outcome = switch (type) {
                case EventTypes.MESSAGE_ADDED -> counted(sender.deliver(ticketId, messageId), "email").name();
                case EventTypes.TICKET_CREATED -> notices.acknowledge(ticketId).isPresent() ? "ACKNOWLEDGED" : "NO_ACKNOWLEDGMENT";
                case EventTypes.STATUS_CHANGED -> "resolved".equals(detail.path("data").path("to").asText())
                        && notices.resolved(ticketId).isPresent() ? "RESOLUTION_NOTICE" : "NO_NOTICE";
                default -> "IGNORED";
            };
            log.info("outbound email for {}: {}", type, outcome);
            return true;
        } catch (NotFoundException gone) {
            log.warn("reply {} no longer exists; dropped", messageId);
            return true;
        } catch (RetryLater e) {
            log.warn("email for {} retried later: {}", type, e.getMessage());
            backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
            return false;
        } catch (RuntimeException e) {
            log.error("email for {} failed; retried", type, e);
            return false;
        }
    }

    private SendOutcome counted(SendOutcome outcome, String channel) {
        if (outcome == SendOutcome.SENT) metrics.replySent(channel);
        if (outcome == SendOutcome.FAILED) metrics.replyFailed(channel);
        return outcome;
    }
}
