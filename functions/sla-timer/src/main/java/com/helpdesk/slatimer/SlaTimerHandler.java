package com.helpdesk.slatimer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.queue.QueuePriming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SlaTimerFunction. Two triggers: the SLA queue (ticket events from the bus, and its own SlaBreached to act
 * on), answered with batch item failures; and the minute schedule, which sweeps the due-time index as of
 * the schedule's time (never later than now), so a local clock moved forward sweeps each minute in order.
 */
public final class SlaTimerHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(SlaTimerHandler.class);
    private final SlaTimer timer;
    private final Clock clock;
    private final int sweepLimit;
    private final QueueBackoff backoff;

    /** Used by Lambda: configuration read and clients built once, at init. */
    public SlaTimerHandler() {
        this(SlaTimerWiring.fromEnvironment());
    }

    private SlaTimerHandler(SlaTimerWiring wiring) {
        this(wiring.timer(), wiring.clock(), wiring.sweepLimit(), wiring.backoff());
        SnapStartPriming.register(this::prime);
    }

    public SlaTimerHandler(SlaTimer timer, Clock clock, int sweepLimit, QueueBackoff backoff) {
        this.timer = timer;
        this.clock = clock;
        this.sweepLimit = sweepLimit;
        this.backoff = backoff;
    }

    /**
     * SnapStart priming, read-only: a MessageAdded event through the queue's decoder and applied to the never-issued
     * ticket, which has no clocks (WAITING: nothing written, the record is not the queue's), and a sweep as of 1970,
     * which reads each shard of the due-time index and finds nothing due. A TicketCreated would start clocks: not primed.
     */
    void prime() {
        timer.apply(BusEvents.decode(QueuePriming.busEvent(EventTypes.MESSAGE_ADDED)));
        timer.sweep(Instant.EPOCH, 1);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        Object answer = Invocation.handle(context, () -> event != null && event.has("Records") ? consume(event.get("Records"))
                : Invocation.record(event == null ? null : event.path("id").asText(null), () -> sweep(event)));
        Json.mapper().writeValue(output, answer);
    }

    /**
     * The queue: each record applied once. WAITING (the ticket's TicketCreated not applied yet: typically a
     * moment behind on the bus, or the ticket busy) and failures come back through the queue with the
     * project's backoff (1 s, 2 s, 4 s ... per receive) rather than after the queue's visibility timeout of
     * minutes; an unreadable record is left to the visibility timeout and the dead-letter queue.
     */
    Map<String, Object> consume(JsonNode records) {
        List<Map<String, String>> failures = new ArrayList<>();
        for (JsonNode r : records) {
            String messageId = r.path("messageId").asText();
            switch (Invocation.record(messageId, () -> applied(r))) {
                case APPLIED -> { }
                case RETRY -> retryLater(r, messageId, failures);
                case PARK -> failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    private void retryLater(JsonNode record, String messageId, List<Map<String, String>> failures) {
        Map<String, String> attributes = new LinkedHashMap<>();
        record.path("attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        backoff.retryLater(record.path("eventSourceARN").asText(), record.path("receiptHandle").asText(), attributes);
        failures.add(Map.of("itemIdentifier", messageId));
    }

    private enum Outcome { APPLIED, RETRY, PARK }

    /** RETRY: the record comes back soon (WAITING, a failure); PARK: it cannot be read and goes to the dead-letter queue. */
    private Outcome applied(JsonNode r) {
        DomainEvent e;
        try {
            e = BusEvents.decode(r.path("body").asText());
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            // it cannot become readable by retrying: it goes to the dead-letter queue with this reason logged
            log.error("unreadable SLA event; left for the dead-letter queue: {}", bad.getMessage());
            return Outcome.PARK;
        }
        Invocation.ticket(e.ticketId());
        try {
            SlaTimer.Result result = timer.apply(e);
            if (result == SlaTimer.Result.WAITING) {
                log.info("{}: ticket's clocks not started yet; retried", e.type());
                return Outcome.RETRY;
            }
            log.debug("{}: {}", e.type(), result);
            return Outcome.APPLIED;
        } catch (RuntimeException failed) {
            log.warn("{} failed; retried", e.type(), failed);
            return Outcome.RETRY;
        }
    }

    /** The schedule: fires everything due by the schedule's time (or now, when that is earlier or missing). */
    Map<String, Object> sweep(JsonNode scheduled) {
        Instant now = clock.instant();
        Instant at = now;
        String time = scheduled == null ? null : scheduled.path("time").asText(null);
        if (time != null) {
            try {
                Instant t = Instant.parse(time);
                if (t.isBefore(now)) at = t;
            } catch (DateTimeParseException ignored) {
                // not a schedule's time: sweep as of now
            }
        }
        int fired = timer.sweep(at, sweepLimit);
        if (fired > 0) log.info("swept as of {}: {} tickets fired", at, fired);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweptAt", at.toString());
        out.put("ticketsFired", fired);
        return out;
    }
}
