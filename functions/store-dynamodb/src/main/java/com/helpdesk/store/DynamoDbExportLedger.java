package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.privacy.CustomerDataExported;
import com.helpdesk.core.privacy.ExportLedger;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answered data requests: an item {@code PRIVACYJOB#export#<store>#<event id>} / {@code PRIVACYJOB} (no personal data:
 * the store, Shopify's customer id, the object key, the times), written with the {@code CustomerDataExported} outbox
 * event in one transaction on {@code attribute_not_exists(PK)}, so a request is answered with one event. The event is an
 * outbox item in the job's own collection (it is about no ticket: {@code ticketId} null), relayed like every other.
 */
public final class DynamoDbExportLedger implements ExportLedger {
    static final String TYPE = "DataExport";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExportLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean exported(String exportId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(exportId)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty();
    }

    @Override
    public boolean record(CustomerDataExported e) {
        Map<String, AttributeValue> job = new HashMap<>(key(e.exportId()));
        job.put("type", ItemMapper.s(TYPE));
        job.put("store", ItemMapper.s(e.store()));
        // found again by the store's erasure (shop/redact), which deletes the export and this record
        job.put("GSI1PK", ItemMapper.s(DynamoDbStoreData.dataPartition(e.store())));
        job.put("GSI1SK", job.get("PK"));
        if (e.shopifyCustomerId() != null) job.put("shopifyCustomerId", ItemMapper.s(e.shopifyCustomerId()));
        job.put("tickets", ItemMapper.n(e.tickets()));
        job.put("objectKey", ItemMapper.s(e.objectKey()));
        job.put("exportedAt", ItemMapper.s(Keys.time(e.occurredAt())));
        job.put("eventId", ItemMapper.s(e.eventId()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName(table).item(job).conditionExpression("attribute_not_exists(PK)")),
                    t -> t.put(p -> p.tableName(table).item(outboxItem(e)))));
            return true;
        } catch (TransactionCanceledException x) {
            if (!x.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(x.cancellationReasons().get(0).code())) return false;
            throw x;
        }
    }

    /** As {@link ItemMapper#outboxItem}, in the job's collection; TTL 7 days like every outbox item, the link lives shorter. */
    static Map<String, AttributeValue> outboxItem(CustomerDataExported e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", key(e.exportId()).get("PK"));
        m.put("SK", ItemMapper.s(Keys.eventSk(e.occurredAt(), e.eventId())));
        m.put("type", ItemMapper.s(ItemMapper.TYPE_OUTBOX));
        m.put("eventId", ItemMapper.s(e.eventId()));
        m.put("detailType", ItemMapper.s(EventTypes.CUSTOMER_DATA_EXPORTED));
        m.put("source", ItemMapper.s(EventTypes.SOURCE));
        m.put("occurredAt", ItemMapper.s(Keys.time(e.occurredAt())));
        m.put("expiresAt", ItemMapper.n(e.occurredAt().getEpochSecond() + ItemMapper.OUTBOX_TTL_SECONDS));
        m.put("detail", ItemMapper.s(detailJson(e)));
        m.put("GSI1PK", ItemMapper.s(Keys.outboxPartition(e.occurredAt(), e.eventId())));
        m.put("GSI1SK", ItemMapper.s(Keys.outboxSort(e.occurredAt(), e.eventId())));
        return m;
    }

    /** The bus detail: the envelope of docs/events.md (no ticket) and the export's fields. */
    static String detailJson(CustomerDataExported e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", e.store());
        data.put("shopifyCustomerId", e.shopifyCustomerId());
        data.put("tickets", e.tickets());
        data.put("objectKey", e.objectKey());
        data.put("link", e.link().toString());
        data.put("linkExpiresAt", Keys.time(e.linkExpiresAt()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", e.eventId());
        d.put("ticketId", null);
        d.put("ticketNumber", null);
        d.put("occurredAt", Keys.time(e.occurredAt()));
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", "system");
        actor.put("id", "privacy");
        actor.put("name", null);
        actor.put("email", null);
        d.put("actor", actor);
        d.put("data", data);
        try {
            return Json.mapper().writeValueAsString(d);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("an export's event is always serialisable", x);
        }
    }

    private static Map<String, AttributeValue> key(String exportId) {
        return Map.of("PK", ItemMapper.s("PRIVACYJOB#" + exportId), "SK", ItemMapper.s(DynamoDbPersonalData.JOB_SK));
    }
}
