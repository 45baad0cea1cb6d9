package com.helpdesk.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The batch loop of a function fed by the bus through a queue: each record handled on its own (one bad record never
 * sends its batch back), the ones to come back reported as batch item failures (ReportBatchItemFailures).
 */
public final class QueueRecords {
    private QueueRecords() {
    }

    /** @param handled false when the record is to come back through the queue */
    public static SQSBatchResponse consume(SQSEvent event, Context context, Predicate<SQSEvent.SQSMessage> handled) {
        return Invocation.handle(context, () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                if (!Invocation.record(m.getMessageId(), () -> handled.test(m))) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
            return new SQSBatchResponse(failures);
        });
    }

    /**
     * Parks a record in the function's dead-letter queue with the reason.
     * @return false when it could not be parked, so the queue redelivers it
     */
    public static boolean park(DeadLetters deadLetters, SQSEvent.SQSMessage m, String reason, String component, Logger log) {
        try {
            deadLetters.park(m.getBody(), m.getMessageId(), reason);
            log.error("{} parked in the dead-letter queue: {}", component, reason);
            return true;
        } catch (RuntimeException e) {
            log.error("an event could not be parked; the queue redelivers it", e);
            return false;
        }
    }
}
