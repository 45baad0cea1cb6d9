package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.TicketIntents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets' intents in the table: one item of the ticket's collection ({@code TICKET#<id>} / {@code INTENT}, so
 * the ticket's Query returns it, and the thread reader skips it by its type), written in one transaction with the
 * ticket's classification (its new version, its intent tag, its history and outbox events): guarded by the ticket's
 * version like any ticket change, and by the intent's own version.
 */
public final class DynamoDbTicketIntents implements TicketIntents {
    static final String SK = "INTENT";
    static final String TYPE = "TicketIntent";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbTicketRepository tickets;

    public DynamoDbTicketIntents(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.tickets = new DynamoDbTicketRepository(dynamo, table);
    }

    @Override
    public Optional<Stored> find(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(ticketId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(new Stored(IntentJson.read(r.item().get("intent").s()), Long.parseLong(r.item().get("version").n())));
    }

    @Override
    public void save(Intent intent, long expectedVersion, TicketWrite classification) {
        String ticketId = classification.ticket().id();
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Integer, TicketWrite> ticketItems = new HashMap<>();
        tickets.addItems(classification, null, items, ticketItems);
        int intentIndex = items.size();
        items.add(TransactWriteItem.builder().put(intentPut(ticketId, intent, expectedVersion)).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (intentIndex < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(intentIndex).code())) {
                throw new VersionConflictException("the intent of ticket " + ticketId + " changed meanwhile",
                        find(ticketId).map(Stored::version).orElse(0L));
            }
            throw tickets.translate(e, ticketItems, -1, null);
        }
    }

    private Put intentPut(String ticketId, Intent intent, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(ticketId));
        item.put("type", ItemMapper.s(TYPE));
        item.put("ticketId", ItemMapper.s(ticketId));
        item.put("source", ItemMapper.s(intent.source().wire()));
        if (intent.name() != null) item.put("name", ItemMapper.s(intent.name().wire()));
        item.put("intent", ItemMapper.s(IntentJson.write(intent)));
        item.put("version", ItemMapper.n(expectedVersion + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) return put.conditionExpression("attribute_not_exists(PK)").build();
        return put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", ItemMapper.n(expectedVersion))).build();
    }
    private static Map<String, AttributeValue> key(String ticketId) {
        return Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(SK));
    }
}
