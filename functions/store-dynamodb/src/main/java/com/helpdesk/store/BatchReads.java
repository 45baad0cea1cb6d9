package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Items of one table by their keys with BatchGetItem: in DynamoDB's chunks of {@value #LIMIT} keys, each key asked
 * once, and the keys a response leaves unprocessed (throttling, its 16 MB limit) asked again after a short, growing
 * pause, as AWS advises, at most {@value #ATTEMPTS} times. Items come back in no particular order; an absent key
 * returns nothing.
 */
final class BatchReads {
    /** DynamoDB's limit on the keys of one BatchGetItem. */
    static final int LIMIT = 100;
    static final int ATTEMPTS = 5;

    private BatchReads() {}

    /**
     * @param consistent strongly consistent reads (twice the read units), as GetItem with ConsistentRead
     * @param what       what the keys are ("metrics aggregates"), for the failure when DynamoDB keeps leaving keys
     * @throws IllegalStateException when keys stay unprocessed after {@value #ATTEMPTS} requests
     */
    static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                                                 boolean consistent, String what) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys)); // a key twice is refused
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += LIMIT) {
            List<Map<String, AttributeValue>> chunk = distinct.subList(i, Math.min(distinct.size(), i + LIMIT));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(chunk).consistentRead(consistent).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept " + request.get(table).keys().size() + " " + what + " unprocessed");
                }
                if (attempt > 0) pause(attempt);
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while DynamoDB had keys unprocessed", e);
        }
    }
}
