package com.helpdesk.store;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;

/**
 * Counts what the writes of a DynamoDB client cost: it asks every write request for its consumed capacity
 * ({@code ReturnConsumedCapacity=INDEXES}) and adds up the write units DynamoDB reports, table and indexes
 * apart, with the number of write requests and of items they wrote (a transaction's items, a batch's puts and
 * deletes, one for a single write). Attach it with {@code overrideConfiguration(c -> c.addExecutionInterceptor(meter))};
 * read a span of work with {@link #snapshot()} before and {@link Totals#minus} after.
 */
public final class WriteMeter implements ExecutionInterceptor {
    /** What writes cost so far: write requests, items written, write units on the table and on its indexes. */
    public record Totals(int requests, int items, double tableUnits, double indexUnits) {
        public double units() {
            return tableUnits + indexUnits;
        }

        public Totals minus(Totals before) {
            return new Totals(requests - before.requests, items - before.items, tableUnits - before.tableUnits,
                    indexUnits - before.indexUnits);
        }

        public Totals plus(Totals other) {
            return new Totals(requests + other.requests, items + other.items, tableUnits + other.tableUnits,
                    indexUnits + other.indexUnits);
        }

        public static final Totals ZERO = new Totals(0, 0, 0, 0);
    }

    private int requests;
    private int items;
    private double tableUnits;
    private double indexUnits;

    public synchronized Totals snapshot() {
        return new Totals(requests, items, tableUnits, indexUnits);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof UpdateItemRequest u) return u.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof TransactWriteItemsRequest t) return t.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        if (r instanceof BatchWriteItemRequest b) return b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object response = context.response();
        SdkRequest request = context.request();
        if (response instanceof PutItemResponse p) add(1, List.of(p.consumedCapacity()));
        else if (response instanceof UpdateItemResponse u) add(1, List.of(u.consumedCapacity()));
        else if (response instanceof DeleteItemResponse d) add(1, List.of(d.consumedCapacity()));
        else if (response instanceof TransactWriteItemsResponse t) {
            add(((TransactWriteItemsRequest) request).transactItems().size(), t.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse b) {
            int written = ((BatchWriteItemRequest) request).requestItems().values().stream().mapToInt(List::size).sum();
            add(written, b.consumedCapacity());
        }
    }

    private synchronized void add(int itemCount, List<ConsumedCapacity> consumed) {
        requests++;
        items += itemCount;
        for (ConsumedCapacity c : consumed) {
            if (c == null) continue;
            double table = c.table() != null && c.table().capacityUnits() != null ? c.table().capacityUnits()
                    : c.capacityUnits() == null ? 0 : c.capacityUnits();
            double indexes = c.globalSecondaryIndexes() == null ? 0
                    : c.globalSecondaryIndexes().values().stream().mapToDouble(x -> x.capacityUnits() == null ? 0 : x.capacityUnits()).sum();
            tableUnits += table;
            indexUnits += indexes;
        }
    }
}
