package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes ticket events from the metrics queue and folds each into the aggregates. A redelivered event
 * changes nothing; one that failed (a store error, contention beyond the retries) is a batch item failure
 * and comes back, then goes to MetricsDeadLetterQueue; one that can never be read is logged with the
 * reason and dropped.
 */
public final class MetricsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final MetricsService service;

    public MetricsHandler() {
        this(MetricsWiring.fromEnvironment().service());
    }

    public MetricsHandler(MetricsService service) {
        this.service = service;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            Optional<BusEventDecoder.Decoded> decoded;
            try {
                JsonNode body = Json.mapper().readTree(m.getBody());
                if (body == null || !body.isObject()) throw new BusEventDecoder.Malformed("the message is not a JSON object");
                decoded = BusEventDecoder.decode(body);
            } catch (BusEventDecoder.Malformed e) {
                log("ERROR", "not a ticket event; dropped", m.getMessageId(), e.getMessage());
                continue;
            } catch (Exception unreadable) {
                log("ERROR", "not JSON; dropped", m.getMessageId(), unreadable.getClass().getSimpleName());
                continue;
            }
            if (decoded.isEmpty()) continue;
            try {
                boolean applied = service.record(decoded.get().ticketId(), decoded.get().observation());
                log("INFO", applied ? "metrics updated" : "already applied", m.getMessageId(), decoded.get().observation().eventId());
            } catch (RuntimeException e) {
                log("WARN", "metrics retried", m.getMessageId(), String.valueOf(e.getMessage()));
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static void log(String level, String message, String sqsMessageId, String detail) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        line.put("sqsMessageId", sqsMessageId);
        line.put("detail", detail);
        try {
            (level.equals("INFO") ? System.out : System.err).println(Json.mapper().writeValueAsString(line));
        } catch (Exception e) {
            System.err.println(message + " " + sqsMessageId);
        }
    }
}
