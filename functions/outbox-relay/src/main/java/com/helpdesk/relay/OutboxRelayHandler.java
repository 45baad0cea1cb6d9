package com.helpdesk.relay;

import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.helpdesk.bus.EventBusPublisher;
import com.helpdesk.bus.OutboxEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays committed domain events from the table's stream to the event bus (the transactional outbox:
 * the event item was written in the same transaction as the change, so no change loses its event).
 * Entries the bus refuses are reported as batch item failures and retried by Lambda from there on.
 */
public final class OutboxRelayHandler implements RequestStreamHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxRelayHandler.class);
    private final EventBusPublisher publisher;
    private final OperationalMetrics metrics;

    public OutboxRelayHandler() {
        this(OutboxRelayWiring.fromEnvironment());
    }

    private OutboxRelayHandler(OutboxRelayWiring wiring) {
        this(wiring.publisher(), wiring.metrics());
        SnapStartPriming.register(RelayPriming::prime);
    }

    public OutboxRelayHandler(EventBusPublisher publisher, OperationalMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (StreamEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamEvents.write(handle(StreamEvents.read(input), context), output);
    }

    /** One batch of stream records, read. */
    public StreamsEventResponse handle(DynamodbEvent event, Context context) {
        return Invocation.handle(context, () -> relay(event));
    }

    private StreamsEventResponse relay(DynamodbEvent event) {
        List<OutboxEntry> entries = OutboxRecords.decode(event);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String key : publisher.publish(entries)) {
            failures.add(new StreamsEventResponse.BatchItemFailure(key));
        }
        metrics.eventsRelayed(entries.size() - failures.size());
        if (failures.isEmpty()) log.info("relayed {} events to the bus", entries.size());
        else log.warn("relayed {} of {} events; retried from sequence number {}", entries.size() - failures.size(), entries.size(),
                failures.get(0).getItemIdentifier());
        return new StreamsEventResponse(failures);
    }
}
