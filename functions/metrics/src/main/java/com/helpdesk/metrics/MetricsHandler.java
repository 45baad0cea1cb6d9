package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.metrics.HeadlineFigures;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.SupportMetrics;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes ticket events from the metrics queue and folds each into the aggregates, then emits what the
 * event added to the headline numbers (SupportMetrics: CloudWatch metrics for the dashboard). A redelivered
 * event changes nothing and counts nothing; one that failed (a store error, contention beyond the retries)
 * is a batch item failure and comes back, then goes to MetricsDeadLetterQueue; one that can never be read
 * is logged with the reason and dropped. A replayed event (EventBridge's {@code replay-name}, from
 * MetricsRebuildQueue) is folded into the generation being rebuilt only, and emits nothing (docs/metrics.md, "Rebuild").
 */
public final class MetricsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger log = LoggerFactory.getLogger(MetricsHandler.class);
    private final MetricsService service;
    private final SupportMetrics support;

    public MetricsHandler() {
        this(MetricsWiring.fromEnvironment());
    }

    private MetricsHandler(MetricsWiring wiring) {
        this(wiring.service(), wiring.support());
    }

    public MetricsHandler(MetricsService service, SupportMetrics support) {
        this.service = service;
        this.support = support;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return Invocation.handle(context, () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                if (!Invocation.record(m.getMessageId(), () -> recorded(m))) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
            return new SQSBatchResponse(failures);
        });
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
            log.error("not a ticket event; dropped: {}", e.getMessage());
            return true;
        } catch (Exception unreadable) {
            log.error("not JSON; dropped", unreadable);
            return true;
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
