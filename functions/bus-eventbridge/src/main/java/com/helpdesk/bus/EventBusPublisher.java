package com.helpdesk.bus;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts outbox entries on the EventBridge bus, in chunks of PutEvents' limit of 10, and tells which
 * entries EventBridge did not take so the caller can have them retried (nothing is dropped).
 */
public final class EventBusPublisher {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventBusPublisher.class);
    static final int MAX_ENTRIES_PER_CALL = 10;
    private final EventBridgeClient client;
    private final String busName;

    public EventBusPublisher(EventBridgeClient client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    /** @return the keys of the entries that were not accepted, in input order */
    public List<String> publish(List<OutboxEntry> entries) {
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES_PER_CALL) {
            List<OutboxEntry> chunk = entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES_PER_CALL));
            List<PutEventsRequestEntry> request = chunk.stream().map(e -> PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(e.source())
                    .detailType(e.detailType())
                    .detail(e.detailJson())
                    .time(e.time())
                    .build()).toList();
            PutEventsResponse response;
            try {
                response = client.putEvents(PutEventsRequest.builder().entries(request).build());
            } catch (RuntimeException ex) {
                // the whole chunk is retried by the caller; say why, since nothing else will
                log.error("PutEvents failed for {} entries; they are retried", chunk.size(), ex);
                chunk.forEach(e -> failed.add(e.key()));
                continue;
            }
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < chunk.size(); i++) {
                PutEventsResultEntry r = i < results.size() ? results.get(i) : null;
                if (r == null || r.errorCode() != null || r.eventId() == null) failed.add(chunk.get(i).key());
            }
        }
        return failed;
    }
}
