package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.metrics.HeadlineFigures;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.SupportMetrics;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueueRecords;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Consumes ticket events from the metrics queue and folds each into the aggregates, then emits what the
 * event added to the headline numbers (SupportMetrics: CloudWatch metrics for the dashboard). A redelivered
 * event changes nothing and counts nothing; one that failed (a store error, contention beyond the retries)
 * is a batch item failure and comes back, then goes to MetricsDeadLetterQueue; one that can never be read
 * is parked there at once with the reason (QueueRecords.park), where an operator sees it. A replayed event (EventBridge's {@code replay-name}, from
 * MetricsRebuildQueue) is folded into the generation being rebuilt only, and emits nothing (docs/metrics.md, "Rebuild").
 */
public final class MetricsHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(MetricsHandler.class);
    private final MetricsService service;
    private final SupportMetrics support;
    private final DeadLetters deadLetters;

    public MetricsHandler() {
        this(MetricsWiring.forQueue());
    }

    private MetricsHandler(MetricsWiring wiring) {
        this(wiring.service(), wiring.support(), MetricsWiring.deadLetters(wiring.config()));
        SnapStartPriming.register(wiring.queuePrimer());
    }

    public MetricsHandler(MetricsService service, SupportMetrics support, DeadLetters deadLetters) {
        this.service = service;
        this.support = support;
        this.deadLetters = deadLetters;
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return QueueRecords.consume(event, context, this::recorded);
    }

    /** @return false when the message is to come back */
    private boolean recorded(SQSEvent.SQSMessage m) {
        Optional<BusEventDecoder.Decoded> decoded;
        boolean replayed;
        try {
            JsonNode body = Json.mapper().readTree(m.getBody());
            if (body == null || !body.isObject()) throw new BusEventDecoder.Malformed("the message is not a JSON object");
            decoded = BusEventDecoder.decode(body);
            replayed = body.hasNonNull("replay-name");
        } catch (BusEventDecoder.Malformed e) {
            return QueueRecords.park(deadLetters, m, "not a ticket event: " + e.getMessage(), "metrics", log);
        } catch (JsonProcessingException unreadable) {
            return QueueRecords.park(deadLetters, m, "not JSON: " + unreadable.getOriginalMessage(), "metrics", log);
        }
        if (decoded.isEmpty()) return true;
        String eventId = decoded.get().observation().eventId();
        Invocation.ticket(decoded.get().ticketId());
        try {
            if (replayed) {
                boolean folded = service.rebuild(decoded.get().ticketId(), decoded.get().observation());
                log.info(folded ? "replayed event {} rebuilt" : "replayed event {} already rebuilt, or no rebuild in progress", eventId);
                return true;
            }
            Optional<HeadlineFigures> added = service.apply(decoded.get().ticketId(), decoded.get().observation());
            log.info(added.isPresent() ? "metrics updated by event {}" : "event {} already applied", eventId);
            added.filter(f -> !f.isEmpty()).ifPresent(support::added);
            return true;
        } catch (RuntimeException e) {
            log.warn("metrics of event {} retried", eventId, e);
            return false;
        }
    }
}
