package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Message;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change about some messages alone (a reply's delivery: claimed, sent, delivered, failed): it writes the
 * changed attributes of those message items and the change's events, and leaves the ticket item (and its index
 * entries and their index writes) untouched, since nothing of the ticket but its version would change. Each
 * message update is guarded by the message's attributes as they were read, so of two racing writers (two
 * senders claiming one reply) one wins and the other gets a {@link VersionConflictException} and reads again,
 * as the ticket's version guarded it before. One message and no event: a single conditional UpdateItem;
 * anything more: one transaction, all of it or nothing.
 */
final class MessageOnlyWrites {
    private static final Set<String> KEYS = Set.of("PK", "SK");

    private final DynamoDbClient dynamo;
    private final String table;

    MessageOnlyWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Whether {@code write} changes messages alone: the ticket stays as it was but for its version. */
    static boolean applies(TicketWrite write) {
        if (write.isCreate() || write.changedFrom().isEmpty() || !write.newMessages().isEmpty() || !write.removedMessages().isEmpty()) {
            return false;
        }
        for (Message m : write.changedMessages()) {
            if (read(write, m) == null || !write.ticket().id().equals(m.ticketId())) return false;
        }
        return ItemMapper.ticketItem(write.previous().toBuilder().version(write.ticket().version()).build())
                .equals(ItemMapper.ticketItem(write.ticket()));
    }

    void commit(TicketWrite write) {
        List<Update> updates = new ArrayList<>();
        for (Message m : write.changedMessages()) updates.add(update(read(write, m), m));
        List<TransactWriteItem> items = new ArrayList<>();
        updates.forEach(u -> items.add(TransactWriteItem.builder().update(u).build()));
        long version = write.previous().version();
        for (DomainEvent e : write.events()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(HistoryItems.item(e, EventTypes.SOURCE, Keys.messageHistorySk(version, e.occurredAt(), e.id())))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
        }
        for (String key : write.threadKeys()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoDbTicketRepository.threadKeyItem(key, write.ticket().id())).build()).build());
        }
        try {
            if (items.size() == 1) {
                Update u = updates.get(0);
                dynamo.updateItem(b -> b.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                        .conditionExpression(u.conditionExpression()).expressionAttributeNames(u.expressionAttributeNames())
                        .expressionAttributeValues(u.expressionAttributeValues()));
            } else {
                dynamo.transactWriteItems(b -> b.transactItems(items));
            }
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            // a message moved since it was read (or a concurrent write to it won): read again and decide again
            throw new VersionConflictException("a message of ticket #" + write.ticket().number() + " has changed since it was read; retry",
                    version);
        }
    }

    private static Message read(TicketWrite write, Message changed) {
        return write.changedFrom().stream().filter(r -> r.id().equals(changed.id())).findFirst().orElse(null);
    }

    /** Sets what changed and removes what is gone, on the condition that each of those attributes is still as read. */
    private Update update(Message read, Message changed) {
        Map<String, AttributeValue> before = ItemMapper.messageItem(read);
        Map<String, AttributeValue> after = ItemMapper.messageItem(changed);
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeAll(KEYS);
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        List<String> guards = new ArrayList<>(List.of("attribute_exists(PK)"));
        Map<String, String> attributeNames = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (String name : names) {
            AttributeValue was = before.get(name);
            AttributeValue now = after.get(name);
            if (java.util.Objects.equals(was, now)) continue;
            String a = "#a" + i;
            attributeNames.put(a, name);
            if (now != null) {
                set.add(a + " = :n" + i);
                values.put(":n" + i, now);
            } else {
                remove.add(a);
            }
            if (was != null) {
                guards.add(a + " = :o" + i);
                values.put(":o" + i, was);
            } else {
                guards.add("attribute_not_exists(" + a + ")");
            }
            i++;
        }
        if (i == 0) throw new IllegalArgumentException("message " + changed.id() + " is listed as changed but is not");
        String expression = (set.isEmpty() ? "" : "SET " + String.join(", ", set)) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder().tableName(table).key(Map.of("PK", after.get("PK"), "SK", after.get("SK")))
                .updateExpression(expression.strip()).conditionExpression(String.join(" AND ", guards))
                .expressionAttributeNames(attributeNames).expressionAttributeValues(values.isEmpty() ? null : values).build();
    }
}
