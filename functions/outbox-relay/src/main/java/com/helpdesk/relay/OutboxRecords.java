package com.helpdesk.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.helpdesk.bus.OutboxEntry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns stream records into outbox entries. Only inserted outbox items count: a ticket's history item
 * (it is the outbox of the change it records) and the outbox item of what has no history (SLA clocks,
 * order context). A history item written before the history became the outbox has no {@code source} and
 * is not relayed: its own outbox item was. The event source's filter already says so; this is the safety
 * net when it is misconfigured. A malformed outbox item
 * cannot become valid by retrying, so it is logged and skipped rather than blocking the shard.
 */
final class OutboxRecords {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxRecords.class);
    private OutboxRecords() {}

    static List<OutboxEntry> decode(DynamodbEvent event) {
        List<OutboxEntry> out = new ArrayList<>();
        if (event == null || event.getRecords() == null) return out;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) continue;
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (image == null || !relayed(image)) continue;
            String eventId = s(image, "eventId");
            String detailType = s(image, "detailType");
            String source = s(image, "source");
            String detail = s(image, "detail");
            Instant time = parse(s(image, "occurredAt"));
            if (eventId == null || detailType == null || source == null || detail == null) {
                log.error("skipping malformed outbox item at sequence number {}", record.getDynamodb().getSequenceNumber());
                continue;
            }
            out.add(new OutboxEntry(record.getDynamodb().getSequenceNumber(), eventId, source, detailType, detail, time));
        }
        return out;
    }

    private static boolean relayed(Map<String, AttributeValue> image) {
        String type = s(image, "type");
        return "OutboxEvent".equals(type) || "HistoryEntry".equals(type) && image.containsKey("source");
    }

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        return v == null ? null : v.getS();
    }

    private static Instant parse(String iso) {
        if (iso == null) return null;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
