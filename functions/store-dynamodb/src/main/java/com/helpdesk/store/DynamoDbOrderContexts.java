package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContextCache;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;




import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Order contexts in the table. A ticket's context is one item of the ticket's collection
 * ({@code TICKET#<id>} / {@code ORDERS}, so the ticket's Query returns it), written together with its
 * outbox event; the per-customer cache is an item {@code STORE#<id>#CUSTOMER#<key>} / {@code ORDERS}
 * that the table's TTL removes once {@code expiresAt} has passed.
 */
public final class DynamoDbOrderContexts implements OrderContexts, OrderContextCache {
    static final String SK = "ORDERS";
    static final String TYPE_CONTEXT = "OrderContext";
    static final String TYPE_CACHE = "OrderContextCache";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOrderContexts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Stored> find(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(ticketKey(ticketId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(new Stored(decode(r.item().get("context").s()), Long.parseLong(r.item().get("version").n())));
    }

    @Override
    public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(ticketKey(ticketId));
        item.put("type", ItemMapper.s(TYPE_CONTEXT));
        item.put("ticketId", ItemMapper.s(ticketId));
        item.put("store", ItemMapper.s(context.store()));
        item.put("status", ItemMapper.s(context.status().wire()));
        item.put("context", ItemMapper.s(encode(context)));
        item.put("version", ItemMapper.n(expectedVersion + 1));
        // the store's ticket index (GSI1), which its erasure pages through: the store the lookup picked
        item.put("GSI1PK", ItemMapper.s(DynamoDbStoreData.ticketsPartition(context.store())));
        item.put("GSI1SK", ItemMapper.s(ticketId));
        VersionedTicketItem.save(dynamo, table, item, expectedVersion, event,
                current -> new VersionConflictException("the order context of ticket " + ticketId + " changed meanwhile", current));
    }

    @Override
    public Optional<Cached> get(String storeId, String customerKey) {
        var r = dynamo.getItem(b -> b.tableName(table).key(cacheKey(storeId, customerKey)));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(r.item().get("expiresAt").n()));
        return Optional.of(new Cached(decode(r.item().get("context").s()), expiresAt));
    }

    @Override
    public void put(String storeId, String customerKey, Cached value) {
        Map<String, AttributeValue> item = new HashMap<>(cacheKey(storeId, customerKey));
        item.put("type", ItemMapper.s(TYPE_CACHE));
        // found by the store's erasure without the customer's identity (TTL may not have removed it yet)
        item.put("GSI1PK", ItemMapper.s(DynamoDbStoreData.dataPartition(storeId)));
        item.put("GSI1SK", item.get("PK"));
        item.put("context", ItemMapper.s(encode(value.context())));
        // The table's TTL is in whole seconds; rounding up never serves an entry early.
        long seconds = value.expiresAt().getEpochSecond() + (value.expiresAt().getNano() > 0 ? 1 : 0);
        item.put("expiresAt", ItemMapper.n(seconds));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void evict(String storeId, String customerKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(cacheKey(storeId, customerKey)));
    }

    private static Map<String, AttributeValue> ticketKey(String ticketId) {
        return Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(SK));
    }

    private static Map<String, AttributeValue> cacheKey(String storeId, String customerKey) {
        return Map.of("PK", ItemMapper.s("STORE#" + storeId + "#CUSTOMER#" + customerKey), "SK", ItemMapper.s(SK));
    }

    private static String encode(OrderContext context) {
        try {
            return Json.mapper().writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order context is always serialisable", e);
        }
    }

    private static OrderContext decode(String json) {
        try {
            return Json.mapper().readValue(json, OrderContext.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored order context cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
