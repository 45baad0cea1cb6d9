package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * An item beside a ticket (its order context) guarded by a version of its own, so writing it never
 * conflicts with the ticket's edits: the item and its outbox event go in one transaction, on the condition that
 * the item is still at the version read (absent for 0).
 */
final class VersionedTicketItem {
    private VersionedTicketItem() {
    }

    /**
     * @param item     the item to write, with {@code version} already set to {@code expectedVersion + 1}
     * @param conflict the exception to throw when another write came first, given the version stored now
     */
    static void save(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item, long expectedVersion,
                     DomainEvent event, LongFunction<VersionConflictException> conflict) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", ItemMapper.n(expectedVersion)));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(put.build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(ItemMapper.outboxItem(event, EventTypes.SOURCE)).build()).build()));
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw conflict.apply(storedVersion(dynamo, table, Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
            }
            throw e;
        }
    }

    private static long storedVersion(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return r.hasItem() && r.item().containsKey("version") ? Long.parseLong(r.item().get("version").n()) : 0L;
    }
}
