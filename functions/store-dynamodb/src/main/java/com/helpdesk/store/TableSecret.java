package com.helpdesk.store;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.security.SecureRandom;
import java.util.Map;

/**
 * A signing secret (list cursors, survey links) kept in the table itself: made once, by whichever
 * function instance needs it first, with a conditional put, so every instance of every function using
 * the table agrees on it without any configuration. Loaded on first use, not when a function is built.
 */
public final class TableSecret {
    /** Signs survey links: the agents' API hands them out, the public survey checks them. */
    public static final String CSAT_KEY = "csat-key";
    /** Signs reply addresses: the email intake checks what the email sender handed out. */
    public static final String REPLY_ADDRESS_KEY = "reply-address-key";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String name;
    private volatile byte[] key;

    public TableSecret(DynamoDbClient dynamo, String table, String name) {
        this.dynamo = dynamo;
        this.table = table;
        this.name = name;
    }

    public byte[] get() {
        byte[] k = key;
        if (k == null) {
            k = load();
            key = k;
        }
        return k;
    }

    private byte[] load() {
        Map<String, AttributeValue> id = Map.of("PK", ItemMapper.s(Keys.configPk(name)), "SK", ItemMapper.s(Keys.CONFIG_SK));
        var existing = dynamo.getItem(b -> b.tableName(table).key(id).consistentRead(true));
        if (existing.hasItem() && existing.item().containsKey("key")) {
            return existing.item().get("key").b().asByteArray();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("PK", id.get("PK"), "SK", id.get("SK"), "type", ItemMapper.s("Config"),
                            "key", AttributeValue.fromB(SdkBytes.fromByteArray(fresh))))
                    .conditionExpression("attribute_not_exists(PK)"));
            return fresh;
        } catch (ConditionalCheckFailedException raced) {
            return dynamo.getItem(b -> b.tableName(table).key(id).consistentRead(true)).item().get("key").b().asByteArray();
        }
    }
}
