package com.helpdesk.store;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Queue views, newest-updated first. A view reads one or more index partitions (a sharded status, the
 * statuses of one assignee, ...) backwards and merges them. An item is only emitted once no partition
 * that still has unread items could hold a newer one, so pages stay in order even when filters make
 * a partition return short pages. The cursor keeps every partition's position.
 */
final class QueueViews {
    /** Bound on reads per page and partition, so a very selective filter cannot make one request run long. */
    private static final int MAX_READS_PER_PARTITION = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    QueueViews(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    /** Which index and partitions serve a query, and which filters remain. */
    /** {@code sortBelow}: an optional upper bound (exclusive) on the index sort key, applied in the key condition. */
    record Plan(String index, List<String> partitions, String filter, Map<String, String> names,
                Map<String, AttributeValue> values, String sortBelow) {
        String fingerprint() {
            return CursorCodec.fingerprint(index + "|" + partitions + "|" + filter + "|" + new java.util.TreeMap<>(values)
                    + "|" + sortBelow);
        }
    }

    /** Resolved tickets not updated since the cutoff (so resolved before it), confirmed by a filter on resolvedAt. */
    static Plan resolvedBefore(java.time.Instant cutoff) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < Keys.SHARDS; s++) parts.add(Keys.statusPartition(Status.RESOLVED.wire(), s));
        String bound = Keys.time(cutoff);
        return new Plan("GSI1", parts, "#resolvedAt < :cutoff", Map.of("#resolvedAt", "resolvedAt"),
                Map.of(":cutoff", AttributeValue.fromS(bound)), bound);
    }

    static Plan plan(TicketQuery q) {
        List<String> parts = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String index;
        boolean statusInKey = false, assigneeInKey = false, tagInKey = false;
        if (q.requester() != null) {
            index = "GSI1";
            parts.add(Keys.requesterPartition(q.requester()));
        } else if (q.tag() != null) {
            index = "GSI1";
            tagInKey = true;
            for (int s = 0; s < Keys.SHARDS; s++) parts.add(Keys.tagPartition(q.tag(), s));
        } else if (q.assignee() != null) {
            index = "GSI2";
            assigneeInKey = true;
            statusInKey = true;
            if (q.status() != null) {
                parts.add(Keys.assigneePartition(q.assignee(), q.status().wire()));
            } else {
                for (Status s : Status.values()) parts.add(Keys.assigneePartition(q.assignee(), s.wire()));
            }
        } else if (q.status() != null) {
            index = "GSI1";
            statusInKey = true;
            for (int s = 0; s < Keys.SHARDS; s++) parts.add(Keys.statusPartition(q.status().wire(), s));
        } else {
            index = "GSI3";
            for (int s = 0; s < Keys.SHARDS; s++) parts.add(Keys.allPartition(s));
        }
        if (q.status() != null && !statusInKey) {
            filters.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", AttributeValue.fromS(q.status().wire()));
        }
        if (q.assignee() != null && !assigneeInKey) {
            names.put("#assignee", "assignee");
            if (TicketQuery.UNASSIGNED.equals(q.assignee())) {
                filters.add("attribute_not_exists(#assignee)");
            } else {
                filters.add("#assignee = :assignee");
                values.put(":assignee", AttributeValue.fromS(q.assignee()));
            }
        }
        if (q.tag() != null && !tagInKey) {
            filters.add("contains(#tags, :tag)");
            names.put("#tags", "tags");
            values.put(":tag", AttributeValue.fromS(q.tag()));
        }
        // no index has a group key: a group is always a filter on the view the other filters chose (docs/access-patterns.md)
        if (q.group() != null) {
            filters.add("#group = :group");
            names.put("#group", "group");
            values.put(":group", AttributeValue.fromS(q.group()));
        }
        return new Plan(index, parts, filters.isEmpty() ? null : String.join(" AND ", filters), names, values, null);
    }

    TicketPage page(TicketQuery query, int limit, String cursor) {
        return page(plan(query), limit, cursor);
    }

    TicketPage page(Plan plan, int limit, String cursor) {
        int n = plan.partitions().size();
        boolean[] done = new boolean[n];
        List<Map<String, AttributeValue>> positions = positions(plan, cursor, done);

        List<Deque<Map<String, AttributeValue>>> buffers = new ArrayList<>();
        List<Map<String, AttributeValue>> lastKey = new ArrayList<>(); // LastEvaluatedKey of the read that filled the buffer
        int[] reads = new int[n];
        for (int i = 0; i < n; i++) {
            buffers.add(new ArrayDeque<>());
            lastKey.add(null);
        }
        String sortAttr = plan.index() + "SK";
        List<Ticket> out = new ArrayList<>();

        while (out.size() < limit) {
            // refill every open partition whose buffer is empty (each buffer holds exactly one read)
            for (int i = 0; i < n; i++) {
                if (done[i] || !buffers.get(i).isEmpty() || reads[i] >= MAX_READS_PER_PARTITION) continue;
                QueryResponse r = read(plan, i, positions.get(i), limit);
                reads[i]++;
                buffers.get(i).addAll(r.items());
                Map<String, AttributeValue> lek = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                lastKey.set(i, lek);
                if (r.items().isEmpty()) {
                    if (lek == null) done[i] = true; else positions.set(i, lek);
                }
            }
            int best = newestHead(buffers, sortAttr);
            String bestSort = best < 0 ? null : buffers.get(best).peekFirst().get(sortAttr).s();
            // a partition with unread items could still hold something newer than that head
            boolean blocked = false;
            boolean budgetLeft = false;
            for (int i = 0; i < n; i++) {
                if (done[i] || !buffers.get(i).isEmpty()) continue;
                if (reads[i] < MAX_READS_PER_PARTITION) budgetLeft = true;
                Map<String, AttributeValue> pos = positions.get(i);
                if (bestSort == null || pos == null || pos.get(sortAttr) == null
                        || pos.get(sortAttr).s().compareTo(bestSort) > 0) {
                    blocked = true;
                }
            }
            if (best < 0 && !blocked) break;          // every partition is exhausted
            if (blocked) {
                if (budgetLeft) continue;             // read further before deciding
                break;                                // read budget spent: return a short page with a cursor
            }
            Map<String, AttributeValue> item = buffers.get(best).pollFirst();
            out.add(ItemMapper.ticket(item));
            positions.set(best, keyOf(item, plan.index()));
            if (buffers.get(best).isEmpty()) {
                Map<String, AttributeValue> lek = lastKey.get(best);
                if (lek == null) done[best] = true; else positions.set(best, lek);
            }
        }

        return new TicketPage(out, nextCursor(plan, positions, buffers, done));
    }

    /** The buffer whose first item is the newest of all first items (the first such buffer on a tie), or -1 when all are empty. */
    private static int newestHead(List<Deque<Map<String, AttributeValue>>> buffers, String sortAttr) {
        int best = -1;
        String bestSort = null;
        for (int i = 0; i < buffers.size(); i++) {
            Map<String, AttributeValue> head = buffers.get(i).peekFirst();
            if (head == null) continue;
            String s = head.get(sortAttr).s();
            if (bestSort == null || s.compareTo(bestSort) > 0) {
                best = i;
                bestSort = s;
            }
        }
        return best;
    }

    /**
     * Where each partition's read starts (null: from its newest item), from the cursor; a partition the cursor
     * has no position for is marked done. A cursor of another query (its partitions differ) is refused.
     */
    private List<Map<String, AttributeValue>> positions(Plan plan, String cursor, boolean[] done) {
        int n = plan.partitions().size();
        List<Map<String, AttributeValue>> positions;
        if (cursor == null) {
            positions = new ArrayList<>();
            for (int i = 0; i < n; i++) positions.add(null);
        } else {
            positions = new ArrayList<>(cursors.decode(cursor, plan.fingerprint(), n));
            for (int i = 0; i < n; i++) {
                Map<String, AttributeValue> p = positions.get(i);
                if (p == null) {
                    done[i] = true;
                } else if (p.size() == 1 && p.containsKey(plan.index() + "PK")) {
                    if (!plan.partitions().get(i).equals(p.get(plan.index() + "PK").s())) {
                        throw new com.helpdesk.core.ValidationException("cursor", "does not fit this query");
                    }
                    positions.set(i, null); // not read yet: starts from the newest item
                } else {
                    AttributeValue pk = p.get(plan.index() + "PK");
                    if (pk == null || !plan.partitions().get(i).equals(pk.s())) {
                        throw new com.helpdesk.core.ValidationException("cursor", "does not fit this query");
                    }
                }
            }
        }
        return positions;
    }

    /** The next page's cursor: each open partition's position (done ones null), or null when every partition is done. */
    private String nextCursor(Plan plan, List<Map<String, AttributeValue>> positions, List<Deque<Map<String, AttributeValue>>> buffers,
                              boolean[] done) {
        int n = plan.partitions().size();
        boolean more = false;
        List<Map<String, AttributeValue>> next = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean open = !done[i] || !buffers.get(i).isEmpty();
            next.add(open ? positions.get(i) : null);
            more |= open;
        }
        // a partition that never got read keeps a null position but is not done: mark "start" explicitly
        for (int i = 0; i < n; i++) {
            if (next.get(i) == null && !done[i]) {
                next.set(i, Map.of(plan.index() + "PK", AttributeValue.fromS(plan.partitions().get(i))));
            }
        }
        return more ? cursors.encode(plan.fingerprint(), next) : null;
    }

    private QueryResponse read(Plan plan, int partition, Map<String, AttributeValue> position, int limit) {
        Map<String, String> names = new HashMap<>(plan.names());
        names.put("#pk", plan.index() + "PK");
        Map<String, AttributeValue> values = new HashMap<>(plan.values());
        values.put(":pk", AttributeValue.fromS(plan.partitions().get(partition)));
        if (plan.sortBelow() != null) {
            names.put("#sk", plan.index() + "SK");
            values.put(":below", AttributeValue.fromS(plan.sortBelow()));
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(plan.index())
                .keyConditionExpression(plan.sortBelow() == null ? "#pk = :pk" : "#pk = :pk AND #sk < :below")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit);
        if (plan.filter() != null) q.filterExpression(plan.filter());
        if (position != null && position.size() > 1) q.exclusiveStartKey(position);
        return dynamo.query(q.build());
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, String index) {
        Map<String, AttributeValue> k = new HashMap<>();
        for (String a : List.of("PK", "SK", index + "PK", index + "SK")) k.put(a, item.get(a));
        return k;
    }
}
