package com.helpdesk.inboundprocessor;

import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.SnapStartPriming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.service.InboundThreading;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.InboundMessageCodec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Threads each inbound message of the FIFO queue onto its ticket (or opens one). Order matters within
 * a conversation (a message group): after a failure, the rest of that group in the batch is reported
 * failed too and comes back in order, while other conversations in the batch go on (a batch without
 * group ids is one group). A message that cannot be read is parked in the dead-letter queue with the reason.
 */
public final class InboundProcessorHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(InboundProcessorHandler.class);
    private final InboundThreading tickets;
    private final DeadLetters deadLetters;
    private final OperationalMetrics metrics;

    public InboundProcessorHandler() {
        this(InboundProcessorWiring.fromEnvironment());
    }

    private InboundProcessorHandler(InboundProcessorWiring wiring) {
        this(wiring.tickets(), wiring.deadLetters(), wiring.metrics());
        SnapStartPriming.register(wiring.primer());
    }

    public InboundProcessorHandler(InboundThreading tickets, DeadLetters deadLetters, OperationalMetrics metrics) {
        this.tickets = tickets;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return Invocation.handle(context, () -> process(event));
    }

    private SQSBatchResponse process(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failingGroups = new HashSet<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            String group = m.getAttributes() == null ? "" : m.getAttributes().getOrDefault("MessageGroupId", "");
            if (failingGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            if (!Invocation.record(m.getMessageId(), () -> processed(m))) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                failingGroups.add(group);
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** @return false when the message is to come back (and the rest of the batch after it) */
    private boolean processed(SQSEvent.SQSMessage m) {
        InboundMessage message;
        try {
            message = InboundMessageCodec.decode(m.getBody());
        } catch (IllegalArgumentException unreadable) {
            log.error("unreadable inbound message parked: {}", unreadable.getMessage());
            deadLetters.park(m.getBody(), m.getMessageId(), unreadable.getMessage());
            metrics.deadLetterParked("unreadable");
            return true;
        }
        try {
            InboundResult r = tickets.receive(message);
            Invocation.ticket(r.ticketId());
            log.info("inbound {} message {}", message.kind(), r.outcome());
            metrics.inboundMessage(outcome(r));
        } catch (com.helpdesk.core.ValidationException invalid) {
            log.error("invalid inbound message parked: {}", invalid.getMessage());
            deadLetters.park(m.getBody(), m.getMessageId(), "invalid inbound message: " + invalid.getMessage());
            metrics.deadLetterParked("invalid");
        } catch (RuntimeException e) {
            log.error("inbound message failed; retried", e);
            return false;
        }
        return true;
    }

    /** TicketsCreated is the metrics function's: it sees the tickets of every channel, the API's too. */
    private static String outcome(InboundResult r) {
        return switch (r.outcome()) {
            case CREATED, FOLLOW_UP -> "opened";
            case THREADED -> "threaded";
            case DUPLICATE -> "duplicate";
            case UNTHREADED -> "unthreaded";
        };
    }
}
