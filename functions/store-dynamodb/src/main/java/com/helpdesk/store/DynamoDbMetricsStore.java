package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.metrics.AggregateKey;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.DailyAggregate;
import com.helpdesk.core.metrics.MetricsGenerations;
import com.helpdesk.core.metrics.MetricsStore;
import com.helpdesk.core.metrics.TicketFacts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metrics facts and aggregates in the single table, of one generation (0 unless {@link #generation(int)}). A change is one TransactWriteItems of the ticket's
 * facts and the aggregates it moves, each conditioned on the version read (optimistic locking per item).
 */
public final class DynamoDbMetricsStore implements MetricsStore {
    /** DynamoDB's limit on a transaction; one item is the facts. */
    static final int MAX_AGGREGATES_PER_CHANGE = 99;
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int UNPROCESSED_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int generation;

    public DynamoDbMetricsStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, 0);
    }

    private DynamoDbMetricsStore(DynamoDbClient dynamo, String table, int generation) {
        this.dynamo = dynamo;
        this.table = table;
        this.generation = generation;
    }

    @Override
    public MetricsStore generation(int g) {
        return g == generation ? this : new DynamoDbMetricsStore(dynamo, table, g);
    }

    @Override
    public MetricsGenerations generations() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(MetricsItems.GENERATIONS_KEY)).item();
        return item == null || item.isEmpty() ? MetricsGenerations.initial() : MetricsItems.generations(item);
    }

    @Override
    public void saveGenerations(MetricsGenerations next) {
        Put p = put(MetricsItems.generationsItem(next, next.version() + 1), next.version()).put();
        try {
            dynamo.putItem(b -> b.tableName(table).item(p.item()).conditionExpression(p.conditionExpression())
                    .expressionAttributeValues(p.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("the metrics generations changed meanwhile; read them again", next.version());
        }
    }

    @Override
    public Optional<StoredFacts> facts(String ticketId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(MetricsItems.factsKey(generation, ticketId))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new StoredFacts(MetricsItems.facts(item), Long.parseLong(item.get("version").n())));
    }

    @Override
    public Map<AggregateKey, DailyAggregate> aggregates(Collection<AggregateKey> keys) {
        Map<AggregateKey, DailyAggregate> out = new HashMap<>();
        for (AggregateKey k : keys) out.put(k, DailyAggregate.empty(k));
        List<Map<String, AttributeValue>> asked = keys.stream().map(k -> MetricsItems.aggregateKey(generation, k)).toList();
        for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, asked, true, "metrics aggregates")) {
            DailyAggregate a = MetricsItems.aggregate(item);
            out.put(a.key(), a);
        }
        return out;
    }

    @Override
    public void commit(TicketFacts facts, long expectedFactsVersion, Collection<DailyAggregate> changed) {
        if (changed.size() > MAX_AGGREGATES_PER_CHANGE) {
            throw new IllegalStateException("one event of ticket " + facts.ticketId() + " moves " + changed.size() + " aggregates, over DynamoDB's transaction limit");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(MetricsItems.factsItem(generation, facts, expectedFactsVersion + 1), expectedFactsVersion));
        for (DailyAggregate a : changed) writes.add(put(MetricsItems.aggregateItem(generation, a, a.version() + 1), a.version()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            // a stale version or a concurrent transaction on one of the items: read again and recompute
            throw new VersionConflictException("metrics of ticket " + facts.ticketId() + " changed meanwhile; retry", expectedFactsVersion);
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, long expectedVersion) {
        Put.Builder p = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) p.conditionExpression("attribute_not_exists(PK)");
        else p.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", ItemMapper.n(expectedVersion)));
        return TransactWriteItem.builder().put(p.build()).build();
    }

    @Override
    public List<DailyAggregate> read(List<LocalDate> days, String dimension, String value) {
        List<DailyAggregate> out = new ArrayList<>();
        for (LocalDate day : days) {
            for (Map<String, AttributeValue> item : dayItems(MetricsItems.dayPk(generation, day), "", dimension, value)) out.add(MetricsItems.aggregate(item));
        }
        return out;
    }

    @Override
    public void putBacklog(Collection<Backlog> census) {
        List<WriteRequest> puts = census.stream()
                .map(b -> WriteRequest.builder().putRequest(p -> p.item(MetricsItems.backlogItem(b))).build()).toList();
        for (int i = 0; i < puts.size(); i += BATCH_WRITE_LIMIT) {
            Map<String, List<WriteRequest>> request = Map.of(table, puts.subList(i, Math.min(puts.size(), i + BATCH_WRITE_LIMIT)));
            // BatchWriteItem may leave items unprocessed (throttling): write exactly those again
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt == UNPROCESSED_ATTEMPTS) throw new IllegalStateException("DynamoDB kept " + request.get(table).size() + " backlog items unprocessed");
                Map<String, List<WriteRequest>> ask = request;
                var response = dynamo.batchWriteItem(b -> b.requestItems(ask));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    @Override
    public List<Backlog> backlog(List<LocalDate> days, String dimension, String value) {
        List<Backlog> out = new ArrayList<>();
        for (LocalDate day : days) {
            // a census is no event and has no generations: always generation 0's day partition
            for (Map<String, AttributeValue> item : dayItems(MetricsItems.dayPk(0, day), MetricsItems.BACKLOG_PREFIX, dimension, value)) out.add(MetricsItems.backlog(item));
        }
        return out;
    }

    /** One Query of a day's partition: every value of a dimension ({@code value} null) or one, under a sort key prefix. */
    private List<Map<String, AttributeValue>> dayItems(String dayPk, String prefix, String dimension, String value) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", ItemMapper.s(dayPk));
        if (value == null) {
            q.keyConditionExpression("PK = :pk AND begins_with(SK, :sk)");
            values.put(":sk", ItemMapper.s(prefix + dimension + "#"));
        } else {
            q.keyConditionExpression("PK = :pk AND SK = :sk");
            values.put(":sk", ItemMapper.s(prefix + AggregateKey.dimension(dimension, value)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (var page : dynamo.queryPaginator(q.expressionAttributeValues(values).build())) items.addAll(page.items());
        return items;
    }
}
