package com.helpdesk.outboundemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes ticket events from the outbound email queue: MessageAdded (a public reply by the team, or a
 * notice) is sent through SES; TicketCreated (of a customer's mail) gets the acknowledgment notice;
 * StatusChanged to resolved gets the resolution notice with the survey links. The same event delivered
 * twice sends once (a reply is claimed before sending; a notice is written once per key); a transient
 * failure comes back through the queue with backoff; an event of no use is dropped with a log line (it
 * cannot become useful by retrying).
 */
public final class OutboundEmailHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final OutboundDelivery sender;
    private final EmailNotices notices;
    private final com.helpdesk.queue.QueueBackoff backoff;

    public OutboundEmailHandler() {
        this(OutboundEmailWiring.fromEnvironment());
    }

    private OutboundEmailHandler(OutboundEmailWiring wiring) {
        this(wiring.sender(), wiring.notices(), wiring.backoff());
    }

    public OutboundEmailHandler(OutboundDelivery sender, EmailNotices notices, com.helpdesk.queue.QueueBackoff backoff) {
        this.sender = sender;
        this.notices = notices;
        this.backoff = backoff;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            JsonNode busEvent;
            try {
                busEvent = Json.mapper().readTree(m.getBody());
            } catch (Exception unreadable) {
                busEvent = null;
            }
            JsonNode detail = busEvent == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : busEvent.path("detail");
            String type = busEvent == null ? null : busEvent.path("detail-type").asText(null);
            String ticketId = detail.path("ticketId").asText(null);
            String messageId = detail.path("data").path("messageId").asText(null);
            if (ticketId == null || type == null || type.equals("MessageAdded") && messageId == null) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"not a ticket event; dropped\",\"sqsMessageId\":\"" + m.getMessageId() + "\"}");
                continue;
            }
            try {
                String outcome = switch (type) {
                    case "MessageAdded" -> sender.deliver(ticketId, messageId).name();
                    case "TicketCreated" -> notices.acknowledge(ticketId).isPresent() ? "ACKNOWLEDGED" : "NO_ACKNOWLEDGMENT";
                    case "StatusChanged" -> "resolved".equals(detail.path("data").path("to").asText())
                            && notices.resolved(ticketId).isPresent() ? "RESOLUTION_NOTICE" : "NO_NOTICE";
                    default -> "IGNORED";
                };
                System.out.println("{\"level\":\"INFO\",\"message\":\"outbound email\",\"event\":\"" + type + "\",\"ticketId\":\""
                        + ticketId + "\",\"outcome\":\"" + outcome + "\"}");
            } catch (com.helpdesk.core.NotFoundException gone) {
                System.err.println("{\"level\":\"WARN\",\"message\":\"reply no longer exists; dropped\",\"messageId\":\"" + messageId + "\"}");
            } catch (com.helpdesk.core.service.RetryLater e) {
                backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } catch (RuntimeException e) {
                System.err.println("{\"level\":\"WARN\",\"message\":\"email reply retried\",\"messageId\":\"" + messageId + "\",\"error\":\""
                        + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
