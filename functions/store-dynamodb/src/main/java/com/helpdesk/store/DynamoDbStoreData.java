package com.helpdesk.store;

import com.helpdesk.core.privacy.ShopErasureJob;
import com.helpdesk.core.privacy.StoreData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store's data in the table, for its erasure, found through GSI1 without a scan and without the customers'
 * identities: the store's tickets are the order contexts the lookup wrote for it ({@code STORETICKETS#<store>}, sorted
 * by ticket id, so a ticket id is the checkpoint), its customer caches and data export records are in
 * {@code STOREDATA#<store>}. Erasure jobs are items {@code PRIVACYJOB#<id>} / {@code PRIVACYJOB} like the customers'.
 */
public final class DynamoDbStoreData implements StoreData {
    static final String TYPE_JOB = "ShopErasureJob";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStoreData(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The GSI1 partition of a store's tickets: one per store, written once per lookup (the function runs at most 2 at once). */
    static String ticketsPartition(String storeId) {
        return "STORETICKETS#" + storeId;
    }

    /** The GSI1 partition of what a store keeps outside tickets: customer caches, data export records. */
    static String dataPartition(String storeId) {
        return "STOREDATA#" + storeId;
    }

    @Override
    public List<String> ticketsAfter(String storeId, String afterTicketId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", ItemMapper.s(ticketsPartition(storeId))));
        String condition = "GSI1PK = :p";
        if (afterTicketId != null) {
            condition += " AND GSI1SK > :after";
            values.put(":after", ItemMapper.s(afterTicketId));
        }
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("GSI1").keyConditionExpression(condition)
                    .expressionAttributeValues(values).limit(limit - ids.size()).exclusiveStartKey(from).build());
            for (Map<String, AttributeValue> item : r.items()) ids.add(ItemMapper.str(item, "GSI1SK"));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && ids.size() < limit);
        return ids;
    }

    @Override
    public List<String> exportsOf(String storeId) {
        List<String> keys = new ArrayList<>();
        eachOfStore(storeId, item -> {
            if (DynamoDbExportLedger.TYPE.equals(ItemMapper.str(item, "type")) && item.containsKey("objectKey")) keys.add(item.get("objectKey").s());
        });
        return keys;
    }

    @Override
    public void forgetStore(String storeId) {
        eachOfStore(storeId, item -> {
            if (DynamoDbExportLedger.TYPE.equals(ItemMapper.str(item, "type"))) {
                // the record and its outbox copy (which carries the link) are one item collection
                collectionKeys(item.get("PK")).forEach(this::delete);
            } else {
                delete(Map.of("PK", item.get("PK"), "SK", item.get("SK")));
            }
        });
    }

    @Override
    public Optional<ShopErasureJob> findJob(String jobId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(jobKey(jobId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> m = r.item();
        return Optional.of(new ShopErasureJob(jobId, ItemMapper.str(m, "store"), ItemMapper.str(m, "reason"), ItemMapper.str(m, "checkpoint"),
                Integer.parseInt(m.get("done").n()), Instant.parse(ItemMapper.str(m, "startedAt")),
                m.containsKey("finishedAt") ? Instant.parse(ItemMapper.str(m, "finishedAt")) : null));
    }

    @Override
    public void saveJob(ShopErasureJob job) {
        Map<String, AttributeValue> item = new HashMap<>(jobKey(job.id()));
        item.put("type", ItemMapper.s(TYPE_JOB));
        item.put("store", ItemMapper.s(job.store()));
        item.put("reason", ItemMapper.s(job.reason()));
        if (job.checkpoint() != null) item.put("checkpoint", ItemMapper.s(job.checkpoint()));
        item.put("done", ItemMapper.n(job.done()));
        item.put("startedAt", ItemMapper.s(job.startedAt().toString()));
        if (job.finishedAt() != null) item.put("finishedAt", ItemMapper.s(job.finishedAt().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private void eachOfStore(String storeId, Consumer<Map<String, AttributeValue>> action) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :p")
                    .expressionAttributeValues(Map.of(":p", ItemMapper.s(dataPartition(storeId)))).exclusiveStartKey(from).build());
            r.items().forEach(action);
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private List<Map<String, AttributeValue>> collectionKeys(AttributeValue pk) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", pk)).projectionExpression("PK, SK").exclusiveStartKey(from).build());
            keys.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return keys;
    }

    private void delete(Map<String, AttributeValue> key) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", key.get("PK"), "SK", key.get("SK"))));
    }

    private static Map<String, AttributeValue> jobKey(String jobId) {
        return Map.of("PK", ItemMapper.s("PRIVACYJOB#" + jobId), "SK", ItemMapper.s(DynamoDbPersonalData.JOB_SK));
    }
}
