package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.deflection.AutoAnswerLog;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The auto-answer's last decision about a ticket: one item of the ticket's collection ({@code TICKET#<id>} /
 * {@code AUTOANSWER}, type {@code AutoAnswerDecision}, its own {@code version}; the thread reader skips it by its
 * type), written in one transaction with the decision's history item. That history item sorts after the ticket
 * version the decision was made on (as a delivery report's does), and, being a history item with a source, is the
 * outbox entry the relay puts on the bus. The ticket itself is not written: a refusal never moves its version.
 */
public final class DynamoDbAutoAnswerLog implements AutoAnswerLog {
    static final String SK = "AUTOANSWER";
    static final String TYPE = "AutoAnswerDecision";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAutoAnswerLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Last> last(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(ticketId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(new Last(r.item().get("lastKey").s(), Long.parseLong(r.item().get("version").n())));
    }

    @Override
    public void record(String ticketId, String decisionKey, long expectedVersion, long ticketVersion, DomainEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(key(ticketId));
        item.put("type", ItemMapper.s(TYPE));
        item.put("ticketId", ItemMapper.s(ticketId));
        item.put("lastKey", ItemMapper.s(decisionKey));
        item.put("decidedAt", ItemMapper.s(Keys.time(event.occurredAt())));
        item.put("version", ItemMapper.n(expectedVersion + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (expectedVersion == 0) put.conditionExpression("attribute_not_exists(PK)");
        else put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", ItemMapper.n(expectedVersion)));
        Map<String, AttributeValue> history = HistoryItems.item(event, EventTypes.SOURCE, Keys.messageHistorySk(ticketVersion, event.occurredAt(), event.id()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put.build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(history).build()).build()));
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new VersionConflictException("the auto-answer's decision on ticket " + ticketId + " was recorded meanwhile",
                        last(ticketId).map(Last::version).orElse(0L));
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> key(String ticketId) {
        return Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(SK));
    }
}
