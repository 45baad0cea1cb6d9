package com.helpdesk.outboundchat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes MessageAdded events of public chat replies (by agents, the AI, or notices) and delivers each
 * to its provider. The same event twice sends once; transient failures come back with backoff.
 */
public final class OutboundChatHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final OutboundDelivery sender;
    private final QueueBackoff backoff;

    public OutboundChatHandler() {
        this(OutboundChatWiring.fromEnvironment());
    }

    private OutboundChatHandler(OutboundChatWiring wiring) {
        this(wiring.sender(), wiring.backoff());
    }

    public OutboundChatHandler(OutboundDelivery sender, QueueBackoff backoff) {
        this.sender = sender;
        this.backoff = backoff;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            String ticketId = null;
            String messageId = null;
            try {
                JsonNode detail = Json.mapper().readTree(m.getBody()).path("detail");
                ticketId = detail.path("ticketId").asText(null);
                messageId = detail.path("data").path("messageId").asText(null);
            } catch (Exception unreadable) {
                // dropped below
            }
            if (ticketId == null || messageId == null) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"not a MessageAdded event; dropped\",\"sqsMessageId\":\"" + m.getMessageId() + "\"}");
                continue;
            }
            try {
                com.helpdesk.core.service.SendOutcome outcome = sender.deliver(ticketId, messageId);
                System.out.println("{\"level\":\"INFO\",\"message\":\"chat reply\",\"ticketId\":\"" + ticketId + "\",\"outcome\":\"" + outcome + "\"}");
            } catch (com.helpdesk.core.service.RetryLater e) {
                backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } catch (com.helpdesk.core.NotFoundException gone) {
                System.err.println("{\"level\":\"WARN\",\"message\":\"reply no longer exists; dropped\",\"messageId\":\"" + messageId + "\"}");
            } catch (RuntimeException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
