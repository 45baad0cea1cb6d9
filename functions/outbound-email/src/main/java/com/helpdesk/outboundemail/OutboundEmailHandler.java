package com.helpdesk.outboundemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.email.ReplySender;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.mailses.SesMailSender;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.LambdaEnvironment;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.ReplyAddresses;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes MessageAdded events (public email replies by the team) from the outbound queue and sends
 * each through SES. The same event delivered twice sends once (the reply is claimed before sending);
 * a transient failure comes back through the queue; an event that is not a reply request is dropped
 * with a log line (it cannot become one by retrying).
 */
public final class OutboundEmailHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ReplySender sender;
    private final com.helpdesk.queue.QueueBackoff backoff;

    public OutboundEmailHandler() {
        this(wire(), com.helpdesk.queue.QueueBackoff.fromEnvironment());
    }

    public OutboundEmailHandler(ReplySender sender, com.helpdesk.queue.QueueBackoff backoff) {
        this.sender = sender;
        this.backoff = backoff;
    }

    private static ReplySender wire() {
        DynamoDbTicketRepository repository = DynamoDbTicketRepository.fromEnvironment();
        String support = LambdaEnvironment.require("SUPPORT_ADDRESS");
        TicketService tickets = new TicketService(repository, new UlidGenerator(RuntimeClock.get()), RuntimeClock.get());
        return new ReplySender(tickets, SesMailSender.fromEnvironment(RuntimeClock.get()), ReplyAddresses.of(repository, support), support,
                LambdaEnvironment.get("SUPPORT_TEAM_NAME").orElse("Support"),
                Integer.parseInt(LambdaEnvironment.get("MAX_SEND_ATTEMPTS").orElse("5")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            String ticketId;
            String messageId;
            try {
                JsonNode e = Json.mapper().readTree(m.getBody());
                ticketId = e.path("detail").path("ticketId").asText(null);
                messageId = e.path("detail").path("data").path("messageId").asText(null);
            } catch (Exception unreadable) {
                ticketId = null;
                messageId = null;
            }
            if (ticketId == null || messageId == null) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"not a MessageAdded event; dropped\",\"sqsMessageId\":\"" + m.getMessageId() + "\"}");
                continue;
            }
            try {
                ReplySender.Outcome outcome = sender.deliver(ticketId, messageId);
                System.out.println("{\"level\":\"INFO\",\"message\":\"email reply\",\"ticketId\":\"" + ticketId + "\",\"messageId\":\""
                        + messageId + "\",\"outcome\":\"" + outcome + "\"}");
            } catch (com.helpdesk.core.NotFoundException gone) {
                System.err.println("{\"level\":\"WARN\",\"message\":\"reply no longer exists; dropped\",\"messageId\":\"" + messageId + "\"}");
            } catch (ReplySender.RetryLater e) {
                int receives = Integer.parseInt(m.getAttributes() == null ? "1" : m.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
                try {
                    backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), receives);
                } catch (RuntimeException ignored) {
                    // without the backoff the queue's visibility timeout applies
                }
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
