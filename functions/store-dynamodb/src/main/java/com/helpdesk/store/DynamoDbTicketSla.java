package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.sla.SlaLedgerEntry;
import com.helpdesk.core.sla.SlaTarget;
import com.helpdesk.core.sla.TicketFacts;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A ticket's SLA state in the ticket's item collection: the item {@code TICKET#<id>} / {@code SLA} (clocks,
 * facts, applied event ids, {@code version}) and its ledger {@code SLALEDGER#<at>#<version>#<n>}. While a
 * warning or breach is left to fire, the SLA item carries the sparse due-time index key on GSI1:
 * {@code SLADUE#<shard>} / {@code <nextFireAt>#<ticketId>}; while a clock runs, the "breaching soon" view's
 * key on GSI2: {@code SLAQUEUE#<shard>} / {@code <nextDueAt>#<ticketId>}. Every change is one transaction with its ledger
 * entries and its outbox events (relayed to the bus by the stream, like the ticket's own events).
 */
public final class DynamoDbTicketSla implements TicketSlaStore {
    private static final String TYPE_SLA = "TicketSla";
    private static final String TYPE_LEDGER = "SlaLedgerEntry";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketSla(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Stored> find(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(Keys.SLA_SK))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(stored(r.item())) : Optional.empty();
    }

    @Override
    public void save(Write w) {
        Stored s = w.stored();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(b -> {
            b.tableName(table).item(slaItem(s, w.nextFireAt(), w.nextDueAt()))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
            if (w.expectedVersion() == 0) {
                b.conditionExpression("attribute_not_exists(PK)");
            } else {
                b.conditionExpression("version = :expected").expressionAttributeValues(Map.of(":expected", ItemMapper.n(w.expectedVersion())));
            }
        }).build());
        for (int i = 0; i < w.ledger().size(); i++) {
            Map<String, AttributeValue> entry = ledgerItem(s.ticketId(), w.ledger().get(i), s.version(), i);
            items.add(TransactWriteItem.builder().put(b -> b.tableName(table).item(entry).conditionExpression("attribute_not_exists(PK)")).build());
        }
        for (DomainEvent e : w.events()) {
            items.add(TransactWriteItem.builder().put(b -> b.tableName(table).item(ItemMapper.outboxItem(e, EventTypes.SOURCE))
                    .conditionExpression("attribute_not_exists(PK)")).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                Map<String, AttributeValue> current = reasons.get(0).item();
                long version = current == null || !current.containsKey("version") ? 0 : Long.parseLong(current.get("version").n());
                throw new VersionConflictException("the SLA state of " + s.ticketId() + " changed meanwhile", version);
            }
            throw e;
        }
    }

    @Override
    public int dueShards() {
        return Keys.SLA_DUE_SHARDS;
    }

    @Override
    public List<Due> due(int shard, Instant now, int limit) {
        // sort keys are "<nextFireAt>#<ticketId>": every key below the next millisecond is due by now
        var r = dynamo.query(b -> b.tableName(table).indexName("GSI1").limit(limit)
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :bound")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.slaDuePartition(shard)),
                        ":bound", ItemMapper.s(Keys.time(now.plusMillis(1))))));
        return r.items().stream().map(i -> new Due(ItemMapper.str(i, "ticketId"), Instant.parse(ItemMapper.str(i, "nextFireAt")))).toList();
    }

    @Override
    public List<SlaLedgerEntry> ledger(String ticketId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.ticketPk(ticketId)),
                                ":prefix", ItemMapper.s(Keys.SLA_LEDGER_SK_PREFIX))))
                .items().stream().map(DynamoDbTicketSla::entry).toList();
    }

    private static Map<String, AttributeValue> slaItem(Stored s, Instant nextFireAt, Instant nextDueAt) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", ItemMapper.s(Keys.ticketPk(s.ticketId())));
        m.put("SK", ItemMapper.s(Keys.SLA_SK));
        m.put("type", ItemMapper.s(TYPE_SLA));
        m.put("ticketId", ItemMapper.s(s.ticketId()));
        m.put("ticketNumber", ItemMapper.n(s.ticketNumber()));
        m.put("version", ItemMapper.n(s.version()));
        m.put("createdAt", ItemMapper.s(s.createdAt().toString()));
        m.put("priority", ItemMapper.s(s.facts().priority().wire()));
        m.put("channel", ItemMapper.s(s.facts().channel().wire()));
        m.put("tags", AttributeValue.fromL(s.facts().tags().stream().map(ItemMapper::s).toList()));
        m.put("state", ItemMapper.s(DynamoDbSlaSettings.json(s.state())));
        m.put("appliedEvents", AttributeValue.fromL(s.appliedEvents().stream().map(ItemMapper::s).toList()));
        if (nextFireAt != null) {
            m.put("nextFireAt", ItemMapper.s(nextFireAt.toString()));
            m.put("GSI1PK", ItemMapper.s(Keys.slaDuePartition(Keys.slaDueShard(s.ticketId()))));
            m.put("GSI1SK", ItemMapper.s(Keys.time(nextFireAt) + "#" + s.ticketId()));
        }
        if (nextDueAt != null) {
            m.put("nextDueAt", ItemMapper.s(nextDueAt.toString()));
            m.put("GSI2PK", ItemMapper.s(Keys.slaQueuePartition(Keys.slaDueShard(s.ticketId()))));
            m.put("GSI2SK", ItemMapper.s(Keys.time(nextDueAt) + "#" + s.ticketId()));
        }
        return m;
    }

    private static Stored stored(Map<String, AttributeValue> m) {
        TicketFacts facts = new TicketFacts(Priority.parse("priority", ItemMapper.str(m, "priority")),
                Channel.parse("channel", ItemMapper.str(m, "channel")),
                new LinkedHashSet<>(m.get("tags").l().stream().map(AttributeValue::s).toList()));
        return new Stored(ItemMapper.str(m, "ticketId"), Long.parseLong(m.get("ticketNumber").n()), Long.parseLong(m.get("version").n()),
                Instant.parse(ItemMapper.str(m, "createdAt")), facts, DynamoDbSlaSettings.readJson(ItemMapper.str(m, "state"), "SLA state of " + ItemMapper.str(m, "ticketId")),
                m.get("appliedEvents").l().stream().map(AttributeValue::s).toList());
    }

    private static Map<String, AttributeValue> ledgerItem(String ticketId, SlaLedgerEntry e, long version, int position) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", ItemMapper.s(Keys.ticketPk(ticketId)));
        m.put("SK", ItemMapper.s(Keys.slaLedgerSk(e.at(), version, position)));
        m.put("type", ItemMapper.s(TYPE_LEDGER));
        m.put("at", ItemMapper.s(e.at().toString()));
        m.put("target", ItemMapper.s(e.target().wire()));
        m.put("cycle", ItemMapper.n(e.cycle()));
        m.put("kind", ItemMapper.s(e.kind().wire()));
        m.put("cause", ItemMapper.s(e.cause()));
        if (e.dueAt() != null) m.put("dueAt", ItemMapper.s(e.dueAt().toString()));
        m.put("elapsed", ItemMapper.s(e.elapsed().toString()));
        return m;
    }

    private static SlaLedgerEntry entry(Map<String, AttributeValue> m) {
        String dueAt = ItemMapper.str(m, "dueAt");
        return new SlaLedgerEntry(Instant.parse(ItemMapper.str(m, "at")),
                SlaTarget.fromWire(ItemMapper.str(m, "target")).orElseThrow(() -> new IllegalStateException("stored ledger entry: bad target")),
                Integer.parseInt(m.get("cycle").n()), SlaLedgerEntry.Kind.valueOf(ItemMapper.str(m, "kind").toUpperCase(Locale.ROOT)),
                ItemMapper.str(m, "cause"), dueAt == null ? null : Instant.parse(dueAt), Duration.parse(ItemMapper.str(m, "elapsed")));
    }
}
