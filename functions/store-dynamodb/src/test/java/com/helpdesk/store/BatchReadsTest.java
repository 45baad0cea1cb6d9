package com.helpdesk.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What DynamoDB Local never does: a BatchGetItem that leaves keys unprocessed. A scripted client answers each request
 * with the first of its keys and leaves the rest, so every key takes a request of its own.
 */
class BatchReadsTest {
    private static Map<String, AttributeValue> key(int i) {
        return Map.of("PK", AttributeValue.fromS("K#" + i), "SK", AttributeValue.fromS("S"));
    }

    /** Answers the first key of each request (as an item with the key's attributes) and leaves the others unprocessed. */
    private static final class OneAtATime implements DynamoDbClient {
        final List<BatchGetItemRequest> requests = new ArrayList<>();

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            requests.add(request);
            KeysAndAttributes asked = request.requestItems().get("t");
            List<Map<String, AttributeValue>> rest = asked.keys().subList(1, asked.keys().size());
            return BatchGetItemResponse.builder().responses(Map.of("t", List.of(asked.keys().get(0))))
                    .unprocessedKeys(rest.isEmpty() ? Map.of() : Map.of("t", asked.toBuilder().keys(rest).build())).build();
        }

        @Override public String serviceName() { return "dynamodb"; }
        @Override public void close() {}
    }

    @Test
    void keysLeftUnprocessedAreAskedAgainConsistentlyAndEachKeyOnce() {
        OneAtATime dynamo = new OneAtATime();
        List<Map<String, AttributeValue>> items = BatchReads.get(dynamo, "t", List.of(key(1), key(2), key(1), key(3)), true, "keys");
        assertThat(items).containsExactly(key(1), key(2), key(3));
        assertThat(dynamo.requests).hasSize(3).allSatisfy(r -> assertThat(r.requestItems().get("t").consistentRead()).isTrue());
        assertThat(dynamo.requests.get(0).requestItems().get("t").keys()).as("the duplicate asked once").hasSize(3);
    }

    @Test
    void keysStillUnprocessedAfterTheLastAttemptFailTheRead() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < BatchReads.ATTEMPTS + 2; i++) keys.add(key(i));
        assertThatThrownBy(() -> BatchReads.get(new OneAtATime(), "t", keys, false, "tickets"))
                .isInstanceOf(IllegalStateException.class).hasMessage("DynamoDB kept 2 tickets unprocessed");
    }

    @Test
    void moreKeysThanOneRequestTakesAreAskedInChunks() {
        List<BatchGetItemRequest> requests = new ArrayList<>();
        DynamoDbClient all = new DynamoDbClient() {
            @Override
            public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
                requests.add(request);
                return BatchGetItemResponse.builder().responses(Map.of("t", request.requestItems().get("t").keys())).build();
            }

            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
        };
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) keys.add(key(i));
        assertThat(BatchReads.get(all, "t", keys, false, "keys")).hasSize(250);
        assertThat(requests).extracting(r -> r.requestItems().get("t").keys().size()).containsExactly(100, 100, 50);
    }
}
