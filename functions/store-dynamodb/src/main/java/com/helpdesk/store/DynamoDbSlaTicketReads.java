package com.helpdesk.store;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.sla.SlaTicketReads;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agents' reads of tickets with their clocks (docs/access-patterns.md): a ticket's thread and its SLA item
 * in one Query of its item collection, and the "breaching soon" view over GSI2 {@code SLAQUEUE#0..7}.
 */
public final class DynamoDbSlaTicketReads implements SlaTicketReads {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ThreadReads threads;
    private final CursorCodec cursors;

    /** A reader whose cursors only this process verifies (tests, tools); the API uses the stack's key ring. */
    public DynamoDbSlaTicketReads(DynamoDbClient dynamo, String table) {
        this(dynamo, table, com.helpdesk.core.port.KeyRingSource.processLocal(), java.time.Clock.systemUTC());
    }

    /** @param cursorKeys the ring the ticket lists sign their cursors with; the clock decides which replaced keys still count */
    public DynamoDbSlaTicketReads(DynamoDbClient dynamo, String table, com.helpdesk.core.port.KeyRingSource cursorKeys, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = new CursorCodec(cursorKeys, clock);
        this.threads = new ThreadReads(dynamo, table, cursors);
    }

    @Override
    public Optional<ThreadWithSla> threadWithSla(String ticketId) {
        AtomicReference<Map<String, Object>> state = new AtomicReference<>(Map.of());
        Optional<TicketThread> thread = threads.thread(ticketId,
                item -> state.set(DynamoDbSlaSettings.readJson(ItemMapper.str(item, "state"), "SLA state of " + ticketId)));
        return thread.map(t -> new ThreadWithSla(t, state.get()));
    }

    /**
     * A k-way merge of the shards, earliest due first. Each shard is read ascending from its position, up to
     * {@code limit} entries below the bound: the first {@code limit} of the merge are then among what was read,
     * except past the last entry of a shard that has more (its next entry could come earlier), so nothing after
     * the earliest such last entry is emitted on this page. The cursor keeps each shard's position.
     */
    @Override
    public DuePage dueBefore(Instant before, int limit, String cursor) {
        String bound = Keys.time(before);
        String fingerprint = CursorCodec.fingerprint("slaDueBefore|" + bound);
        int n = Keys.SLA_DUE_SHARDS;
        List<Map<String, AttributeValue>> positions = cursor == null ? startPositions() : new ArrayList<>(cursors.decode(cursor, fingerprint, n));
        List<List<Map<String, AttributeValue>>> read = new ArrayList<>();
        List<Map<String, AttributeValue>> lastKeys = new ArrayList<>();
        String horizon = null; // an entry after this one may be preceded by one of a shard not read that far yet
        for (int s = 0; s < n; s++) {
            Map<String, AttributeValue> pos = positions.get(s);
            read.add(List.of());
            lastKeys.add(null);
            if (pos == null) continue;
            AttributeValue pk = pos.get("GSI2PK");
            if (pk == null || !Keys.slaQueuePartition(s).equals(pk.s())) throw new ValidationException("cursor", "does not fit this query");
            QueryResponse r = query(s, bound, pos.size() > 1 ? pos : null, limit);
            read.set(s, r.items());
            if (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()) {
                lastKeys.set(s, r.lastEvaluatedKey());
                String last = sortKey(r.lastEvaluatedKey());
                if (horizon == null || last.compareTo(horizon) < 0) horizon = last;
            }
        }
        List<Map<String, AttributeValue>> merged = new ArrayList<>();
        read.forEach(merged::addAll);
        merged.sort(Comparator.comparing(DynamoDbSlaTicketReads::sortKey));
        List<Map<String, AttributeValue>> taken = new ArrayList<>();
        int[] takenOf = new int[n];
        for (Map<String, AttributeValue> item : merged) {
            if (taken.size() >= limit || (horizon != null && sortKey(item).compareTo(horizon) > 0)) break;
            int s = shardOf(item);
            taken.add(item);
            takenOf[s]++;
            positions.set(s, keyOf(item));
        }
        for (int s = 0; s < n; s++) {
            if (positions.get(s) == null) continue;
            boolean readToEnd = lastKeys.get(s) == null && takenOf[s] == read.get(s).size();
            if (readToEnd) positions.set(s, null);
            else if (takenOf[s] == 0 && read.get(s).isEmpty()) positions.set(s, lastKeys.get(s));
        }
        boolean open = positions.stream().anyMatch(p -> p != null);
        return new DuePage(tickets(taken), open ? cursors.encode(fingerprint, positions) : null);
    }

    private static int shardOf(Map<String, AttributeValue> item) {
        String pk = item.get("GSI2PK").s();
        return Integer.parseInt(pk.substring(pk.indexOf('#') + 1));
    }

    private List<Map<String, AttributeValue>> startPositions() {
        List<Map<String, AttributeValue>> p = new ArrayList<>();
        for (int s = 0; s < Keys.SLA_DUE_SHARDS; s++) p.add(startOf(s));
        return p;
    }

    private static Map<String, AttributeValue> startOf(int shard) {
        return Map.of("GSI2PK", ItemMapper.s(Keys.slaQueuePartition(shard)));
    }

    private QueryResponse query(int shard, String bound, Map<String, AttributeValue> exclusiveStart, int limit) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("GSI2")
                .keyConditionExpression("GSI2PK = :pk AND GSI2SK < :bound")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.slaQueuePartition(shard)), ":bound", ItemMapper.s(bound)))
                .scanIndexForward(true)
                .limit(limit);
        if (exclusiveStart != null) q.exclusiveStartKey(exclusiveStart);
        return dynamo.query(q.build());
    }

    /** The tickets of the emitted entries (BatchReads), in the entries' order. */
    private List<DueTicket> tickets(List<Map<String, AttributeValue>> entries) {
        if (entries.isEmpty()) return List.of();
        Map<String, Ticket> byId = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> e : entries) {
            keys.add(Map.of("PK", ItemMapper.s(Keys.ticketPk(ItemMapper.str(e, "ticketId"))), "SK", ItemMapper.s(Keys.TICKET_SK)));
        }
        BatchReads.get(dynamo, table, keys, false, "tickets of the SLA view")
                .forEach(i -> byId.put(ItemMapper.str(i, "id"), ItemMapper.ticket(i)));
        List<DueTicket> out = new ArrayList<>();
        for (Map<String, AttributeValue> e : entries) {
            Ticket t = byId.get(ItemMapper.str(e, "ticketId"));
            if (t != null) out.add(new DueTicket(t, Instant.parse(ItemMapper.str(e, "nextDueAt"))));
        }
        return out;
    }

    private static String sortKey(Map<String, AttributeValue> item) {
        return item.get("GSI2SK").s();
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> k = new HashMap<>();
        for (String a : List.of("PK", "SK", "GSI2PK", "GSI2SK")) k.put(a, item.get(a));
        return k;
    }
}
