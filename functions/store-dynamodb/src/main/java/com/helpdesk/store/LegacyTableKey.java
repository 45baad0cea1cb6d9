package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A signing key as it was kept before key rings: a {@code CONFIG#<name>} item of the table. Only read
 * now, never made, so that survey links and reply addresses already sent keep verifying
 * ({@link com.helpdesk.core.keys.LegacyKeyFallback}) until the first rotation moves the key into the
 * ring with a grace deadline and deletes the item ({@code helpdesk-ops keys rotate}).
 */
public final class LegacyTableKey implements Supplier<Optional<byte[]>> {
    /** Signed survey links. */
    public static final String CSAT = "csat-key";
    /** Signed reply addresses. */
    public static final String REPLY_ADDRESS = "reply-address-key";
    /** Signed list cursors (version 1 cursors are refused anyway; the item is only cleaned up). */
    public static final String CURSOR = "cursor-key";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String name;

    public LegacyTableKey(DynamoDbClient dynamo, String table, String name) {
        this.dynamo = dynamo;
        this.table = table;
        this.name = name;
    }

    @Override
    public Optional<byte[]> get() {
        var item = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(true));
        if (!item.hasItem() || !item.item().containsKey("key")) return Optional.empty();
        return Optional.of(item.item().get("key").b().asByteArray());
    }

    /** Gone for good: called once the key is in the ring with its deadline. */
    public void delete() {
        dynamo.deleteItem(b -> b.tableName(table).key(key()));
    }

    private Map<String, AttributeValue> key() {
        return Map.of("PK", ItemMapper.s(Keys.configPk(name)), "SK", ItemMapper.s(Keys.CONFIG_SK));
    }
}
