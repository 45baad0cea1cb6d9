package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;

import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.TicketIntents;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;




import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tickets' intents in the table: one item of the ticket's collection ({@code TICKET#<id>} / {@code INTENT}, so
 * the ticket's Query returns it, and the thread reader skips it by its type), written with its outbox event in
 * one transaction, guarded by its own version (a classification never conflicts with the ticket's edits).
 */
public final class DynamoDbTicketIntents implements TicketIntents {
    static final String SK = "INTENT";
    static final String TYPE = "TicketIntent";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketIntents(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Stored> find(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(ticketId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(new Stored(decode(r.item().get("intent").s()), Long.parseLong(r.item().get("version").n())));
    }

    @Override
    public void save(String ticketId, Intent intent, long expectedVersion, DomainEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(key(ticketId));
        item.put("type", ItemMapper.s(TYPE));
        item.put("ticketId", ItemMapper.s(ticketId));
        item.put("source", ItemMapper.s(intent.source().wire()));
        if (intent.name() != null) item.put("name", ItemMapper.s(intent.name().wire()));
        item.put("intent", ItemMapper.s(encode(intent)));
        item.put("version", ItemMapper.n(expectedVersion + 1));
        VersionedTicketItem.save(dynamo, table, item, expectedVersion, event,
                current -> new VersionConflictException("the intent of ticket " + ticketId + " changed meanwhile", current));
    }

    private static Map<String, AttributeValue> key(String ticketId) {
        return Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(SK));
    }

    private static String encode(Intent intent) {
        try {
            return Json.mapper().writeValueAsString(intent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intent is always serialisable", e);
        }
    }

    private static Intent decode(String json) {
        try {
            return Json.mapper().readValue(json, Intent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored intent cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
