package com.helpdesk.store;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket store on one DynamoDB table (docs/access-patterns.md). Reads are GetItem or Query;
 * every change is one TransactWriteItems that also carries the change's events (history items, which the
 * stream relays to the bus: the outbox), so a change and its events are committed together or not at all.
 */
public final class DynamoDbTicketRepository implements TicketRepository {
    static final long IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String table;
    private final QueueViews views;
    private final ThreadReads reads;
    private final CursorCodec cursors;
    private final MessageOnlyWrites messageWrites;

    /**
     * A repository whose list cursors never leave the process (a batch or a tool paging through its own
     * query): they are signed with a key of this process alone. What hands cursors out uses the other constructor.
     */
    public DynamoDbTicketRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, com.helpdesk.core.port.KeyRingSource.processLocal(), java.time.Clock.systemUTC());
    }

    /** @param cursorKeys the ring every instance handing out cursors shares; the clock decides which replaced keys still count */
    public DynamoDbTicketRepository(DynamoDbClient dynamo, String table, com.helpdesk.core.port.KeyRingSource cursorKeys, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = new CursorCodec(cursorKeys, clock);
        this.views = new QueueViews(dynamo, table, cursors);
        this.reads = new ThreadReads(dynamo, table, cursors);
        this.messageWrites = new MessageOnlyWrites(dynamo, table);
    }

    @Override
    public long allocateNumber() {
        var response = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("PK", ItemMapper.s(Keys.COUNTER_PK), "SK", ItemMapper.s(Keys.COUNTER_SK)))
                .updateExpression("SET #v = if_not_exists(#v, :base) + :one, #t = :type")
                .expressionAttributeNames(Map.of("#v", "value", "#t", "type"))
                .expressionAttributeValues(Map.of(":base", ItemMapper.n(1000), ":one", ItemMapper.n(1),
                        ":type", ItemMapper.s("Counter")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get("value").n());
    }

    /** DynamoDB's limit on the items of one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    @Override
    public void commit(TicketWrite write, IdempotencyKey idempotency) {
        if (idempotency == null && MessageOnlyWrites.applies(write)) {
            messageWrites.commit(write); // a reply's delivery: the message items alone, the ticket untouched
            return;
        }
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Integer, TicketWrite> ticketItems = new java.util.HashMap<>();
        int idempotencyIndex = addItems(write, idempotency, items, ticketItems);
        transact(items, ticketItems, idempotencyIndex, idempotency);
    }

    @Override
    public void commitAll(List<TicketWrite> writes) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Integer, TicketWrite> ticketItems = new java.util.HashMap<>();
        for (TicketWrite w : writes) addItems(w, null, items, ticketItems);
        transact(items, ticketItems, -1, null);
    }

    @Override
    public Optional<String> ticketForThreadKey(String key) {
        return lookup(Keys.threadKeyPk(key), Keys.THREADKEY_SK);
    }

    @Override
    public Optional<String> ticketForInbound(String dedupeKey) {
        return lookup(Keys.inboundPk(dedupeKey), Keys.INBOUND_SK);
    }

    /** One consistent BatchGetItem of the delivery's dedupe record and the thread keys' items ({@link InboundReads}). */
    @Override
    public com.helpdesk.core.inbound.InboundLookup lookUpInbound(String dedupeKey, java.util.Collection<String> threadKeys) {
        return InboundReads.lookUp(dynamo, table, dedupeKey, threadKeys);
    }

    private Optional<String> lookup(String pk, String sk) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", ItemMapper.s(pk), "SK", ItemMapper.s(sk))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.ofNullable(ItemMapper.str(r.item(), "ticketId")) : Optional.empty();
    }

    /** Inbound dedupe records are kept this long: providers and mail servers retry within days, not months. */
    static final long INBOUND_TTL_SECONDS = 30L * 24 * 3600;

    @Override
    public void commitInbound(List<TicketWrite> writes, String dedupeKey, Map<String, String> threadKeyClaims, String ticketId,
                              java.time.Instant receivedAt) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Integer, TicketWrite> ticketItems = new java.util.HashMap<>();
        for (TicketWrite w : writes) addItems(w, null, items, ticketItems);
        int dedupeIndex = items.size();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("PK", ItemMapper.s(Keys.inboundPk(dedupeKey)), "SK", ItemMapper.s(Keys.INBOUND_SK),
                        "type", ItemMapper.s("InboundDelivery"), "ticketId", ItemMapper.s(ticketId),
                        "GSI1PK", ItemMapper.s(Keys.ticketKeysPartition(ticketId)), "GSI1SK", ItemMapper.s(Keys.inboundPk(dedupeKey)),
                        "receivedAt", ItemMapper.s(Keys.time(receivedAt)),
                        "expiresAt", ItemMapper.n(receivedAt.getEpochSecond() + INBOUND_TTL_SECONDS)))
                .conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        Map<Integer, String> claimItems = new java.util.HashMap<>();
        for (Map.Entry<String, String> claim : threadKeyClaims.entrySet()) {
            Put.Builder put = Put.builder().tableName(table).item(threadKeyItem(claim.getKey(), ticketId));
            if (claim.getValue() == null) {
                put.conditionExpression("attribute_not_exists(PK)");
            } else {
                put.conditionExpression("ticketId = :current").expressionAttributeValues(Map.of(":current", ItemMapper.s(claim.getValue())));
            }
            claimItems.put(items.size(), claim.getKey());
            items.add(TransactWriteItem.builder().put(put.build()).build());
        }
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new StateConflictException("change-too-large", "an inbound message touches " + items.size() + " items");
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failed(reasons, dedupeIndex)) {
                Map<String, AttributeValue> old = reasons.get(dedupeIndex).item();
                String first = old == null || old.isEmpty() ? ticketForInbound(dedupeKey).orElse(null) : ItemMapper.str(old, "ticketId");
                throw new DuplicateRequestException(first, null);
            }
            for (Map.Entry<Integer, String> claim : claimItems.entrySet()) {
                if (failed(reasons, claim.getKey())) throw new com.helpdesk.core.inbound.ThreadKeyTakenException(claim.getValue());
            }
            throw translate(e, ticketItems, -1, null);
        }
    }

    static Map<String, AttributeValue> threadKeyItem(String key, String ticketId) {
        return Map.of("PK", ItemMapper.s(Keys.threadKeyPk(key)), "SK", ItemMapper.s(Keys.THREADKEY_SK),
                "type", ItemMapper.s("ThreadKey"), "ticketId", ItemMapper.s(ticketId),
                "GSI1PK", ItemMapper.s(Keys.ticketKeysPartition(ticketId)), "GSI1SK", ItemMapper.s(Keys.threadKeyPk(key)));
    }

    /** Unthreaded mail is kept this long, like other inbound records: long enough to look into, then gone with its raw source. */
    @Override
    public void recordUnthreaded(com.helpdesk.core.inbound.InboundMessage in, String reason, java.time.Instant at) {
        Map<String, AttributeValue> entry = new java.util.HashMap<>();
        entry.put("PK", ItemMapper.s(Keys.unthreadedPk(at)));
        entry.put("SK", ItemMapper.s(Keys.time(at) + "#" + in.dedupeKey()));
        entry.put("type", ItemMapper.s("UnthreadedInbound"));
        entry.put("dedupeKey", ItemMapper.s(in.dedupeKey()));
        entry.put("kind", ItemMapper.s(in.kind().name().toLowerCase(java.util.Locale.ROOT)));
        entry.put("channel", ItemMapper.s(in.channel().wire()));
        entry.put("from", ItemMapper.s(in.requester().identities().get(0)));
        entry.put("reason", ItemMapper.s(reason));
        entry.put("receivedAt", ItemMapper.s(Keys.time(at)));
        if (in.subject() != null) entry.put("subject", ItemMapper.s(in.subject()));
        if (in.original() != null) entry.put("original", ItemMapper.s(in.original().id()));
        entry.put("expiresAt", ItemMapper.n(at.getEpochSecond() + INBOUND_TTL_SECONDS));
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(Map.of("PK", ItemMapper.s(Keys.inboundPk(in.dedupeKey())), "SK", ItemMapper.s(Keys.INBOUND_SK),
                                "type", ItemMapper.s("InboundDelivery"), "receivedAt", ItemMapper.s(Keys.time(at)),
                                "reason", ItemMapper.s(reason),
                                "expiresAt", ItemMapper.n(at.getEpochSecond() + INBOUND_TTL_SECONDS)))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (failed(e.cancellationReasons(), 0)) throw new DuplicateRequestException(null, null);
            throw e;
        }
    }

    @Override
    public com.helpdesk.core.inbound.UnthreadedInbound.Page unthreaded(java.time.LocalDate day, int limit, String cursor) {
        String pk = Keys.unthreadedPk(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        String fingerprint = CursorCodec.fingerprint("unthreaded|" + day);
        Map<String, AttributeValue> start = cursor == null ? null : cursors.decode(cursor, fingerprint, 1).get(0);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s(pk))).limit(limit);
        if (start != null) q.exclusiveStartKey(start);
        QueryResponse page = dynamo.query(q.build());
        List<com.helpdesk.core.inbound.UnthreadedInbound> items = page.items().stream().map(i -> new com.helpdesk.core.inbound.UnthreadedInbound(
                java.time.Instant.parse(ItemMapper.str(i, "receivedAt")), ItemMapper.str(i, "kind"), ItemMapper.str(i, "channel"),
                ItemMapper.str(i, "from"), ItemMapper.str(i, "subject"), ItemMapper.str(i, "reason"), ItemMapper.str(i, "original"))).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new com.helpdesk.core.inbound.UnthreadedInbound.Page(items, more ? cursors.encode(fingerprint, List.of(page.lastEvaluatedKey())) : null);
    }

    private void transact(List<TransactWriteItem> items, Map<Integer, TicketWrite> ticketItems, int idempotencyIndex,
                          IdempotencyKey idempotency) {
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new StateConflictException("change-too-large", "this change touches " + items.size()
                    + " items; one atomic write holds at most " + MAX_TRANSACTION_ITEMS + " (fewer tickets or tags at once)");
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw translate(e, ticketItems, idempotencyIndex, idempotency);
        }
    }

    /** Appends one write's items; returns the index of its idempotency item, or -1. */
    int addItems(TicketWrite write, IdempotencyKey idempotency, List<TransactWriteItem> items,
                         Map<Integer, TicketWrite> ticketItems) {
        Ticket t = write.ticket();

        Put.Builder ticketPut = Put.builder().tableName(table).item(ItemMapper.ticketItem(t))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (write.isCreate()) {
            ticketPut.conditionExpression("attribute_not_exists(PK)");
        } else {
            ticketPut.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", ItemMapper.n(write.expectedVersion())));
        }
        ticketItems.put(items.size(), write);
        items.add(TransactWriteItem.builder().put(ticketPut.build()).build());

        int idempotencyIndex = -1;
        if (write.isCreate()) {
            items.add(put(Map.of("PK", ItemMapper.s(Keys.numberPk(t.number())), "SK", ItemMapper.s(Keys.NUMBER_SK),
                    "type", ItemMapper.s("TicketNumber"), "ticketId", ItemMapper.s(t.id())), true));
            if (idempotency != null) {
                idempotencyIndex = items.size();
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(Map.of("PK", ItemMapper.s(Keys.idempotencyPk(idempotency.scope(), idempotency.key())),
                                "SK", ItemMapper.s(Keys.IDEMPOTENCY_SK),
                                "type", ItemMapper.s("IdempotencyKey"),
                                "ticketId", ItemMapper.s(t.id()),
                                "fingerprint", ItemMapper.s(idempotency.fingerprint()),
                                "expiresAt", ItemMapper.n(t.createdAt().getEpochSecond() + IDEMPOTENCY_TTL_SECONDS)))
                        .conditionExpression("attribute_not_exists(PK)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build()).build());
            }
        }
        for (Message m : write.newMessages()) {
            items.add(put(ItemMapper.messageItem(m), true));
        }
        for (Message m : write.removedMessages()) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(Map.of("PK", ItemMapper.s(Keys.ticketPk(m.ticketId())), "SK", ItemMapper.s(Keys.messageSk(m.createdAt(), m.id()))))
                    .conditionExpression("attribute_exists(PK)").build()).build());
        }
        for (Message m : write.changedMessages()) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ItemMapper.messageItem(m))
                    .conditionExpression("attribute_exists(PK)").build()).build());
        }
        for (String key : write.threadKeys()) {
            items.add(put(threadKeyItem(key, t.id()), false));
        }
        // one item per event: the history item is the outbox too (the stream relays its insert)
        List<DomainEvent> events = write.events();
        for (Map<String, AttributeValue> history : HistoryItems.change(events, EventTypes.SOURCE,
                i -> Keys.historySk(t.version(), i, events.get(i).id()))) {
            items.add(put(history, true));
        }
        indexEntries(write, items);
        return idempotencyIndex;
    }

    /** Index entries follow the ticket: rewritten with the new summary, deleted when a tag or identity is gone. */
    private void indexEntries(TicketWrite write, List<TransactWriteItem> items) {
        Ticket t = write.ticket();
        Set<String> keep = new HashSet<>();
        for (String tag : t.tags()) {
            String sk = Keys.tagSk(tag);
            keep.add(sk);
            items.add(put(ItemMapper.indexEntry(t, sk, Keys.tagPartition(tag, Keys.shard(t.id()))), false));
        }
        for (String identity : t.identities()) {
            String sk = Keys.requesterSk(identity);
            keep.add(sk);
            items.add(put(ItemMapper.indexEntry(t, sk, Keys.requesterPartition(identity)), false));
        }
        if (write.previous() != null) {
            Ticket before = write.previous();
            List<String> old = new ArrayList<>();
            before.tags().forEach(tag -> old.add(Keys.tagSk(tag)));
            before.identities().forEach(id -> old.add(Keys.requesterSk(id)));
            for (String sk : old) {
                if (keep.contains(sk)) continue;
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(Map.of("PK", ItemMapper.s(Keys.ticketPk(t.id())), "SK", ItemMapper.s(sk))).build()).build());
            }
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, boolean mustBeNew) {
        Put.Builder p = Put.builder().tableName(table).item(item);
        if (mustBeNew) p.conditionExpression("attribute_not_exists(PK)");
        return TransactWriteItem.builder().put(p.build()).build();
    }

    RuntimeException translate(TransactionCanceledException e, Map<Integer, TicketWrite> ticketItems,
                                       int idempotencyIndex, IdempotencyKey idempotency) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (idempotencyIndex >= 0 && failed(reasons, idempotencyIndex)) {
            Map<String, AttributeValue> existing = reasons.get(idempotencyIndex).item();
            if (existing == null || existing.isEmpty()) {
                existing = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Map.of("PK", ItemMapper.s(Keys.idempotencyPk(idempotency.scope(), idempotency.key())),
                                "SK", ItemMapper.s(Keys.IDEMPOTENCY_SK)))).item();
            }
            return new DuplicateRequestException(ItemMapper.str(existing, "ticketId"), ItemMapper.str(existing, "fingerprint"));
        }
        for (Map.Entry<Integer, TicketWrite> ticketItem : new java.util.TreeMap<>(ticketItems).entrySet()) {
            if (!failed(reasons, ticketItem.getKey())) continue;
            TicketWrite write = ticketItem.getValue();
            if (write.isCreate()) {
                return new IllegalStateException("ticket id " + write.ticket().id() + " already exists");
            }
            Map<String, AttributeValue> current = reasons.get(ticketItem.getKey()).item();
            if (current == null || current.isEmpty()) {
                return new VersionConflictException("ticket " + write.ticket().id() + " no longer exists", 0);
            }
            long version = Long.parseLong(current.get("version").n());
            return new VersionConflictException("ticket #" + write.ticket().number() + " has changed since version "
                    + write.expectedVersion() + "; it is now at version " + version, version);
        }
        for (int i = 0; i < reasons.size(); i++) {
            if (failed(reasons, i)) {
                return new IllegalStateException("write refused: item " + i + " already exists (" + reasons.get(i).message() + ")", e);
            }
        }
        // TransactionConflict or throttling on a concurrent write: the caller's retry policy decides
        TicketWrite first = ticketItems.values().iterator().next();
        return new VersionConflictException("a concurrent write to the ticket won; retry", first.expectedVersion());
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    @Override
    public Optional<TicketThread> find(String ticketId) {
        return reads.thread(ticketId);
    }

    /** One GetItem of the ticket item (consistent). */
    @Override
    public Optional<Ticket> findTicket(String ticketId) {
        return reads.ticket(ticketId);
    }

    /** One Query over the ticket's own messages, filtered on the id (see {@link ThreadReads#message}). */
    @Override
    public Optional<Message> findMessage(String ticketId, String messageId) {
        return reads.message(ticketId, messageId);
    }

    @Override
    public Optional<String> findIdByNumber(long number) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("PK", ItemMapper.s(Keys.numberPk(number)), "SK", ItemMapper.s(Keys.NUMBER_SK))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.ofNullable(ItemMapper.str(r.item(), "ticketId")) : Optional.empty();
    }

    @Override
    public TicketPage list(TicketQuery query, int limit, String cursor) {
        return views.page(query, limit, cursor);
    }

    @Override
    public TicketPage resolvedBefore(java.time.Instant cutoff, int limit, String cursor) {
        return views.page(QueueViews.resolvedBefore(cutoff), limit, cursor);
    }

    @Override
    public HistoryPage history(String ticketId, int limit, String cursor) {
        return reads.history(ticketId, limit, cursor);
    }
}
