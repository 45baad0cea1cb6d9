package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The outbox read by time (access pattern 15 in docs/access-patterns.md): every event of a time range,
 * from GSI1 partitions {@code OUTBOX#<day>#<shard>}, by Query only. A ticket's events are its history
 * items, which never expire; the SLA's and order context's events are outbox items, which expire after
 * 7 days (as did tickets' outbox items before the history became the outbox). Only a change's first event is in
 * the index; it names how many more the change has ({@code followers}), which one Query of the ticket's history
 * items of that version reads. For the operators' replay; no function reads it.
 */
public final class OutboxTimeline {
    /** One committed event as the outbox stored it: enough to put it on the bus again. */
    public record StoredEvent(String eventId, String ticketId, String source, String detailType, String detailJson,
                              Instant occurredAt) {}

    /** One partition of the range: a UTC day and a shard. */
    public record Partition(LocalDate day, int shard) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxTimeline(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The partitions that can hold events of [from, to), in time order of their days. */
    public static List<Partition> partitions(Instant from, Instant to) {
        if (!from.isBefore(to)) throw new IllegalArgumentException("the range must end after it starts");
        List<Partition> out = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (int shard = 0; shard < Keys.SHARDS; shard++) out.add(new Partition(d, shard));
        }
        return out;
    }

    /**
     * Hands every event of [from, to) in one partition to {@code sink}, a page (up to 1 MB) at a time,
     * oldest first within the partition; events of a detail type other than {@code detailType} (when
     * given) are left out.
     */
    public void read(Partition p, Instant from, Instant to, String detailType, Consumer<List<StoredEvent>> sink) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :p AND GSI1SK BETWEEN :from AND :to")
                    .exclusiveStartKey(start);
            // to's own time sorts before "<to>#<id>": the range is half-open, [from, to)
            Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                    ":p", ItemMapper.s(Keys.outboxPartition(p.day().toString(), p.shard())),
                    ":from", ItemMapper.s(Keys.time(from)), ":to", ItemMapper.s(Keys.time(to))));
            // no filter on the type here: a change's first event leads to its others, whatever its own type
            QueryResponse page = dynamo.query(q.expressionAttributeValues(values).build());
            List<StoredEvent> events = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                events.add(event(item));
                if (item.containsKey(HistoryItems.FOLLOWERS)) events.addAll(followers(item));
            }
            if (detailType != null) events.removeIf(e -> !detailType.equals(e.detailType()));
            if (!events.isEmpty()) sink.accept(events);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** The other events of the change whose first event is {@code first}: its history items without GSI1 keys. */
    private List<StoredEvent> followers(Map<String, AttributeValue> first) {
        String sk = ItemMapper.str(first, "SK");
        String change = sk.substring(0, sk.indexOf('#', Keys.HISTORY_SK_PREFIX.length()) + 1); // HISTORY#<version>#
        List<StoredEvent> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :change)").filterExpression("attribute_not_exists(GSI1PK)")
                    .expressionAttributeValues(Map.of(":pk", first.get("PK"), ":change", ItemMapper.s(change)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> out.add(event(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static StoredEvent event(Map<String, AttributeValue> item) {
        return new StoredEvent(ItemMapper.str(item, "eventId"), ItemMapper.str(item, "ticketId"), ItemMapper.str(item, "source"),
                ItemMapper.str(item, "detailType"), ItemMapper.str(item, "detail"), Instant.parse(ItemMapper.str(item, "occurredAt")));
    }
}
