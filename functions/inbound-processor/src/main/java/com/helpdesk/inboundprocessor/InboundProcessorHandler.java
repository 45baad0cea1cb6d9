package com.helpdesk.inboundprocessor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.service.InboundThreading;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.InboundMessageCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads each inbound message of the FIFO queue onto its ticket (or opens one). Order matters within
 * a conversation: after the first failure, the rest of the batch is reported failed too and comes back
 * in order. A message that cannot be read is parked in the dead-letter queue with the reason.
 */
public final class InboundProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final InboundThreading tickets;
    private final DeadLetters deadLetters;

    public InboundProcessorHandler() {
        this(InboundProcessorWiring.fromEnvironment());
    }

    private InboundProcessorHandler(InboundProcessorWiring wiring) {
        this(wiring.tickets(), wiring.deadLetters());
    }

    public InboundProcessorHandler(InboundThreading tickets, DeadLetters deadLetters) {
        this.tickets = tickets;
        this.deadLetters = deadLetters;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean failing = false;
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            if (failing) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            InboundMessage message;
            try {
                message = InboundMessageCodec.decode(m.getBody());
            } catch (IllegalArgumentException unreadable) {
                deadLetters.park(m.getBody(), m.getMessageId(), unreadable.getMessage());
                continue;
            }
            try {
                InboundResult r = tickets.receive(message);
                log(m.getMessageId(), message, r);
            } catch (com.helpdesk.core.ValidationException invalid) {
                deadLetters.park(m.getBody(), m.getMessageId(), "invalid inbound message: " + invalid.getMessage());
            } catch (RuntimeException e) {
                System.err.println("{\"level\":\"ERROR\",\"message\":\"inbound message failed; retried\",\"sqsMessageId\":\""
                        + m.getMessageId() + "\",\"error\":\"" + String.valueOf(e).replace("\"", "'") + "\"}");
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                failing = true;
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static void log(String sqsId, InboundMessage m, InboundResult r) {
        System.out.println("{\"level\":\"INFO\",\"message\":\"inbound message processed\",\"sqsMessageId\":\"" + sqsId
                + "\",\"outcome\":\"" + r.outcome() + "\",\"ticketId\":\"" + r.ticketId() + "\",\"kind\":\"" + m.kind() + "\"}");
    }
}
