package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a table with many tickets for measuring queue views (infra/bench {@code views}): copies of real ticket items
 * (written by the store) under new ids, each with the index keys the store would give it (the shard of its own id,
 * its own updatedAt in every queue sort key), written in batches: creating 100k tickets through their transactions
 * would only measure DynamoDB Local's write speed. Only ticket items are copied (status, assignee and all-tickets
 * views); a copy reads back as its template under another id.
 */
public final class QueueViewFill {
    private final DynamoDbClient dynamo;
    private final String table;

    public QueueViewFill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * @param templateTicketId a ticket the store wrote
     * @param ids              the copies' ids (the store's id shape: tkt_ and 26 characters)
     * @param newest           the first copy's updatedAt; each next copy one second older
     */
    public void copy(String templateTicketId, List<String> ids, Instant newest) {
        Map<String, AttributeValue> template = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(Keys.ticketPk(templateTicketId)), "SK", AttributeValue.fromS("TICKET")))).item();
        if (template == null || template.isEmpty()) throw new IllegalArgumentException("no ticket " + templateTicketId);
        String status = template.get("status").s();
        String templateTime = template.get("GSI3SK").s().substring(0, Keys.time(Instant.EPOCH).length());
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String time = Keys.time(newest.minusSeconds(i));
            Map<String, AttributeValue> item = new HashMap<>();
            template.forEach((name, value) -> item.put(name, value.s() == null ? value
                    : AttributeValue.fromS(value.s().replace(templateTicketId, id).replace(templateTime, time))));
            item.put("GSI1PK", AttributeValue.fromS(Keys.statusPartition(status, Keys.shard(id))));
            item.put("GSI3PK", AttributeValue.fromS(Keys.allPartition(Keys.shard(id))));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) write(batch);
        }
        if (!batch.isEmpty()) write(batch);
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        batch.clear();
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }
}
