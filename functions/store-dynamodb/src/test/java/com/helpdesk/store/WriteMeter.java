package com.helpdesk.store;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts what the writes of a DynamoDB client cost, by AWS's documented rules, from each request and the items it
 * changed: every item written costs 1 WRU per started KB of the larger of its before and after images; each index
 * the item is in costs the same for its projection (all attributes here) when the item enters, leaves or changes
 * in it, and twice (a delete and a put) when its index key moves; a transaction doubles the table's part (AWS's
 * prepare and commit of each item), not the indexes', which are propagated after the commit like any write's. AWS's
 * pages leave that last point unsaid; it is what conformance tests of emulators found against DynamoDB itself
 * (nubo-db/dynoxide pull request 188, 2026-08: "the transactional 2x factor applies to the base table arm alone").
 * The images are
 * read around each write through an unmetered client. Counted too: write requests, items written (a transaction's
 * items, a batch's puts and deletes, one for a single write), and what DynamoDB Local itself reports
 * ({@code ReturnConsumedCapacity=INDEXES}), which is not AWS's bill for transactions: Local rounds a transaction's
 * items up to KB together, not each, and reports 4x a standard write where AWS bills 2x per item.
 * Reads are counted as Local reports their read units (strongly consistent: 1 per 4 KB; a Query sums its items).
 * Attach it with {@code overrideConfiguration(c -> c.addExecutionInterceptor(meter))}; read a span of work with
 * {@link #snapshot()} before and {@link Totals#minus} after. Single-threaded use: the images are read around each
 * request, not atomically with it.
 */
public final class WriteMeter implements ExecutionInterceptor {
    /**
     * What writes cost so far: write requests, items written, write units on the table and on its indexes, and Local's own
     * figure; and the read units of the reads (GetItem, Query, BatchGetItem) as DynamoDB Local reports them.
     */
    public record Totals(int requests, int items, double tableUnits, double indexUnits, double localReported, double readUnits) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0);

        public double units() {
            return tableUnits + indexUnits;
        }

        public Totals minus(Totals before) {
            return new Totals(requests - before.requests, items - before.items, tableUnits - before.tableUnits,
                    indexUnits - before.indexUnits, localReported - before.localReported, readUnits - before.readUnits);
        }

        public Totals plus(Totals other) {
            return new Totals(requests + other.requests, items + other.items, tableUnits + other.tableUnits,
                    indexUnits + other.indexUnits, localReported + other.localReported, readUnits + other.readUnits);
        }
    }

    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE = new ExecutionAttribute<>("writeMeter.before");
    private static final double KB = 1024;

    private final DynamoDbClient images;
    private final List<String> indexes;
    private int requests;
    private int items;
    private double tableUnits;
    private double indexUnits;
    private double localReported;
    private double readUnits;

    /**
     * @param images  an unmetered client of the same table(s), to read items before and after each write
     * @param indexes the global secondary indexes' names, whose keys are {@code <name>PK} / {@code <name>SK}
     */
    public WriteMeter(DynamoDbClient images, List<String> indexes) {
        this.images = images;
        this.indexes = List.copyOf(indexes);
    }

    public synchronized Totals snapshot() {
        return new Totals(requests, items, tableUnits, indexUnits, localReported, readUnits);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof UpdateItemRequest u) return u.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof TransactWriteItemsRequest t) return t.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof BatchWriteItemRequest b) return b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        if (r instanceof BatchGetItemRequest b) return b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return r;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<ItemKey> keys = keys(context.request());
        if (!keys.isEmpty()) attributes.putAttribute(BEFORE, keys.stream().map(this::image).toList());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Object response = context.response();
        if (response instanceof GetItemResponse || response instanceof QueryResponse || response instanceof BatchGetItemResponse) {
            read(response);
            return;
        }
        List<ItemKey> keys = keys(request);
        if (keys.isEmpty()) return;
        List<Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
        boolean transaction = request instanceof TransactWriteItemsRequest;
        double table = 0;
        double index = 0;
        for (int i = 0; i < keys.size(); i++) {
            Map<String, AttributeValue> was = before.get(i);
            Map<String, AttributeValue> now = image(keys.get(i));
            table += units(Math.max(size(was), size(now)));
            index += indexUnits(was, now);
        }
        add(keys.size(), transaction ? table * 2 : table, index, consumed(context.response()));
    }

    private double indexUnits(Map<String, AttributeValue> was, Map<String, AttributeValue> now) {
        double units = 0;
        for (String index : indexes) {
            List<AttributeValue> oldKey = indexKey(was, index);
            List<AttributeValue> newKey = indexKey(now, index);
            if (oldKey == null && newKey == null) continue;
            if (oldKey == null) units += units(size(now));
            else if (newKey == null) units += units(size(was));
            else if (!oldKey.equals(newKey)) units += units(size(was)) + units(size(now));
            else if (!was.equals(now)) units += units(Math.max(size(was), size(now)));
        }
        return units;
    }

    private static List<AttributeValue> indexKey(Map<String, AttributeValue> item, String index) {
        if (item == null || !item.containsKey(index + "PK") || !item.containsKey(index + "SK")) return null;
        return List.of(item.get(index + "PK"), item.get(index + "SK"));
    }

    private static int size(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }

    private static double units(int bytes) {
        return bytes == 0 ? 0 : Math.ceil(bytes / KB);
    }

    private Map<String, AttributeValue> image(ItemKey key) {
        var r = images.getItem(b -> b.tableName(key.table()).key(key.key()).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    private record ItemKey(String table, Map<String, AttributeValue> key) {}

    private static List<ItemKey> keys(SdkRequest r) {
        List<ItemKey> out = new ArrayList<>();
        if (r instanceof PutItemRequest p) out.add(key(p.tableName(), p.item()));
        else if (r instanceof UpdateItemRequest u) out.add(new ItemKey(u.tableName(), u.key()));
        else if (r instanceof DeleteItemRequest d) out.add(new ItemKey(d.tableName(), d.key()));
        else if (r instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem i : t.transactItems()) {
                if (i.put() != null) out.add(key(i.put().tableName(), i.put().item()));
                else if (i.update() != null) out.add(new ItemKey(i.update().tableName(), i.update().key()));
                else if (i.delete() != null) out.add(new ItemKey(i.delete().tableName(), i.delete().key()));
            }
        } else if (r instanceof BatchWriteItemRequest b) {
            b.requestItems().forEach((table, writes) -> writes.forEach(w -> out.add(w.putRequest() != null
                    ? key(table, w.putRequest().item()) : new ItemKey(table, w.deleteRequest().key()))));
        }
        return out;
    }

    private static ItemKey key(String table, Map<String, AttributeValue> item) {
        return new ItemKey(table, Map.of("PK", item.get("PK"), "SK", item.get("SK")));
    }

    private static double consumed(Object response) {
        List<ConsumedCapacity> consumed = response instanceof PutItemResponse p ? java.util.Collections.singletonList(p.consumedCapacity())
                : response instanceof UpdateItemResponse u ? java.util.Collections.singletonList(u.consumedCapacity())
                : response instanceof DeleteItemResponse d ? java.util.Collections.singletonList(d.consumedCapacity())
                : response instanceof TransactWriteItemsResponse t ? t.consumedCapacity()
                : response instanceof BatchWriteItemResponse b ? b.consumedCapacity() : List.of();
        return consumed.stream().filter(Objects::nonNull).mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    private synchronized void read(Object response) {
        List<ConsumedCapacity> consumed = response instanceof GetItemResponse g ? java.util.Collections.singletonList(g.consumedCapacity())
                : response instanceof QueryResponse q ? java.util.Collections.singletonList(q.consumedCapacity())
                : ((BatchGetItemResponse) response).consumedCapacity();
        readUnits += consumed.stream().filter(Objects::nonNull).mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    private synchronized void add(int itemCount, double table, double index, double local) {
        requests++;
        items += itemCount;
        tableUnits += table;
        indexUnits += index;
        localReported += local;
    }
}
