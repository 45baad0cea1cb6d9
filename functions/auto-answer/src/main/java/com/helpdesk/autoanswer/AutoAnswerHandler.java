package com.helpdesk.autoanswer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.deflection.WismoAutoAnswer;
import com.helpdesk.core.deflection.WismoDecision;
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
 * Consumes IntentClassified events from AutoAnswerQueue and lets the WISMO auto-answer decide (WismoAutoAnswer). An
 * event that cannot be read, or names a ticket that does not exist, is parked in AutoAnswerDeadLetterQueue with the
 * reason; any other failure (a race lost too often, the table) is failed back to the queue (ReportBatchItemFailures),
 * whose redrive policy is the net under it.
 */
public final class AutoAnswerHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(AutoAnswerHandler.class);
    private final WismoAutoAnswer autoAnswer;
    private final DeadLetters deadLetters;

    public AutoAnswerHandler() {
        this(AutoAnswerWiring.fromEnvironment());
    }

    private AutoAnswerHandler(AutoAnswerWiring wiring) {
        this(wiring.autoAnswer(), wiring.deadLetters());
        SnapStartPriming.register(wiring::primeQueuePath);
    }

    public AutoAnswerHandler(WismoAutoAnswer autoAnswer, DeadLetters deadLetters) {
        this.autoAnswer = autoAnswer;
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
        AutoAnswerTrigger trigger;
        try {
            trigger = AutoAnswerTrigger.decode(m.getBody());
        } catch (IllegalArgumentException unreadable) {
            return park(m, unreadable.getMessage());
        }
        Invocation.ticket(trigger.ticketId());
        try {
            Optional<WismoDecision> decision = autoAnswer.onIntentClassified(trigger.ticketId());
            // the decision only: the customer's words and the tracking stay out of logs
            log.info("auto-answer: {}", decision.map(d -> d.answered() ? "answered" : "not answered: " + d.reason().wire()).orElse("nothing to decide"));
            return true;
        } catch (NotFoundException gone) {
            return park(m, gone.getMessage());
        } catch (RuntimeException e) {
            log.error("auto-answer failed; the queue redelivers it", e);
            return false;
        }
    }

    private boolean park(SQSEvent.SQSMessage m, String reason) {
        return QueueRecords.park(deadLetters, m, reason, "auto-answer", log);
    }
}
