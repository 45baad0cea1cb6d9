package com.helpdesk.store;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The reads of a ticket's item collection, all consistent (a command reads, then writes conditionally
 * on the version it read): the whole thread (one Query, paged; with the SLA item for GET /tickets/{id}), the ticket item alone (one GetItem),
 * one message of its own thread (one Query over the message range), and its history.
 */
final class ThreadReads {
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    ThreadReads(DynamoDbClient dynamo, String table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    /** The thread, with the messages of the tickets merged into it (one more thread read per source, recursively). */
    Optional<TicketThread> thread(String ticketId) {
        return thread(ticketId, null);
    }

    /**
     * The thread as {@link #thread(String)}, and the ticket's own SLA item handed to {@code slaItem} when it
     * has one: read by the same Query, whose range then runs on to "TICKET#SLA" (the item after the messages).
     */
    Optional<TicketThread> thread(String ticketId, java.util.function.Consumer<Map<String, AttributeValue>> slaItem) {
        Optional<TicketThread> own = ownThread(ticketId, slaItem);
        if (own.isEmpty() || own.get().ticket().mergedFrom().isEmpty()) return own;
        List<Message> all = new ArrayList<>(own.get().messages());
        Deque<String> pending = new ArrayDeque<>(own.get().ticket().mergedFrom());
        Set<String> seen = new HashSet<>(List.of(ticketId));
        while (!pending.isEmpty()) {
            String source = pending.pop();
            if (!seen.add(source)) continue;
            ownThread(source, null).ifPresent(s -> {
                all.addAll(s.messages());
                pending.addAll(s.ticket().mergedFrom());
            });
        }
        all.sort(Comparator.comparing(Message::createdAt).thenComparing(Message::id));
        return Optional.of(new TicketThread(own.get().ticket(), all));
    }

    private Optional<TicketThread> ownThread(String ticketId, java.util.function.Consumer<Map<String, AttributeValue>> slaItem) {
        Ticket[] ticket = new Ticket[1];
        List<Message> messages = new ArrayList<>();
        // "TICKET" sorts first, then "TICKET#MSG#..." in time order, then "TICKET#SLA": without slaItem the range
        // stops before the SLA item, so commands never pay for reading the clocks
        String end = slaItem == null ? Keys.THREAD_SK_END : Keys.SLA_SK;
        queryRange(ticketId, Keys.TICKET_SK, end, item -> {
            String type = ItemMapper.str(item, "type");
            if (ItemMapper.TYPE_TICKET.equals(type)) ticket[0] = ItemMapper.ticket(item);
            else if (ItemMapper.TYPE_MESSAGE.equals(type)) messages.add(ItemMapper.message(item));
            else if (slaItem != null && Keys.SLA_SK.equals(ItemMapper.str(item, "SK"))) slaItem.accept(item);
        });
        return ticket[0] == null ? Optional.empty() : Optional.of(new TicketThread(ticket[0], messages));
    }

    Optional<Ticket> ticket(String ticketId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", ItemMapper.s(Keys.ticketPk(ticketId)), "SK", ItemMapper.s(Keys.TICKET_SK))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(ItemMapper.ticket(r.item())) : Optional.empty();
    }

    /**
     * A message's sort key starts with its creation time ({@link Keys#messageSk}), which its id does not
     * carry exactly (ids come from their own clock; AI transcripts and splits keep earlier times), so it
     * cannot be a GetItem without a schema change. It is one Query over the ticket's message range,
     * filtered on the id: one request, reading only the ticket's own messages (not the ticket, index,
     * outbox or history items, nor merged sources).
     */
    Optional<Message> message(String ticketId, String messageId) {
        List<Message> found = new ArrayList<>(1);
        queryCollection(ticketId, Keys.MESSAGE_SK_PREFIX, messageId, item -> found.add(ItemMapper.message(item)));
        return found.stream().findFirst();
    }

    /**
     * Hands every item of the ticket's collection whose sort key starts with the prefix (and whose id is
     * {@code id}, when given) to {@code each}, page by page, until {@code each} answers true (enough read).
     */
    private void queryCollection(String ticketId, String skPrefix, String id, Predicate<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":pk", ItemMapper.s(Keys.ticketPk(ticketId)),
                ":prefix", ItemMapper.s(skPrefix)));
        if (id != null) values.put(":id", ItemMapper.s(id));
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(values);
            if (id != null) q.filterExpression("#id = :id").expressionAttributeNames(Map.of("#id", "id"));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(q.build());
            boolean enough = false;
            for (Map<String, AttributeValue> item : page.items()) enough |= each.test(item);
            start = !enough && page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** Hands every item of the ticket's collection with {@code from <= SK <= to} to {@code each}, page by page. */
    private void queryRange(String ticketId, String from, String to, java.util.function.Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.ticketPk(ticketId)),
                            ":from", ItemMapper.s(from), ":to", ItemMapper.s(to)));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse page = dynamo.query(q.build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** A page of the ticket's audit history, oldest first (SK {@code HISTORY#<version>#<position>#<eventId>}). */
    HistoryPage history(String ticketId, int limit, String cursor) {
        String fingerprint = CursorCodec.fingerprint("history|" + ticketId);
        Map<String, AttributeValue> start = cursor == null ? null : cursors.decode(cursor, fingerprint, 1).get(0);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :history)")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.ticketPk(ticketId)),
                        ":history", ItemMapper.s(Keys.HISTORY_SK_PREFIX)))
                .limit(limit);
        if (start != null) q.exclusiveStartKey(start);
        QueryResponse page = dynamo.query(q.build());
        List<DomainEvent> entries = page.items().stream().map(HistoryItems::event).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new HistoryPage(entries, more ? cursors.encode(fingerprint, List.of(page.lastEvaluatedKey())) : null);
    }
}
