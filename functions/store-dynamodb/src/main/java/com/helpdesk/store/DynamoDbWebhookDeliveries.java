package com.helpdesk.store;

import com.helpdesk.core.orders.WebhookDeliveries;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * Webhook deliveries seen: an item {@code WEBHOOK#<key>} / {@code WEBHOOK} put only when absent (or expired:
 * the table's TTL deletes lazily, so an expired item counts as absent), removed by the TTL after {@code expiresAt}.
 */
public final class DynamoDbWebhookDeliveries implements WebhookDeliveries {
    static final String SK = "WEBHOOK";
    static final String TYPE = "WebhookDelivery";

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    public DynamoDbWebhookDeliveries(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean claim(String key, Instant expiresAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("PK", ItemMapper.s(pk(key)), "SK", ItemMapper.s(SK), "type", ItemMapper.s(TYPE),
                            "expiresAt", ItemMapper.n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(PK) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", ItemMapper.n(clock.instant().getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.<String, AttributeValue>of("PK", ItemMapper.s(pk(key)), "SK", ItemMapper.s(SK))));
    }

    private static String pk(String key) {
        return "WEBHOOK#" + key;
    }
}
