package com.helpdesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.helpdesk.core.privacy.PersonalDataStore;
import com.helpdesk.core.privacy.RedactionJob;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Erasure in the table. A ticket's item collection ({@code PK = TICKET#<id>}, one Query, paged) is rewritten item by
 * item: requester index entries and the order context are deleted; every other item keeps its keys and loses the
 * personal data: attributes that hold it by name ({@link #PERSONAL}: requester, bodies, subject, comments...) and any
 * text naming the customer become the marker, attachments and raw originals go, a customer author keeps only their
 * type. The ticket item is written last, with {@code redactedAt}, so a ticket that has it is done; the audit entry is
 * written once, with it. Redaction jobs are items {@code PRIVACYJOB#<id>} / {@code PRIVACYJOB}.
 */
public final class DynamoDbPersonalData implements PersonalDataStore {
    /** Attributes (in items and in event details) that hold a customer's words or particulars. */
    static final Set<String> PERSONAL = Set.of("requester", "subject", "body", "html", MessageText.CONTENT, "text", "comment", "email", "phone", "name",
            "from", "to", "cc", "ccs", "filename", "conversation", "threading", "snippet", "preview", "customer", "shippingAddress", "context",
            // a message's Message-ID or chat provider id (a WhatsApp id encodes the phone number)
            "externalId",
            // the addresses a mail was sent to: a store's support address, but also whom the customer copied
            "recipients");
    /** Keys and bookkeeping that are never personal (and keys cannot change in place). */
    private static final Set<String> STRUCTURAL = Set.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK", "type",
            "id", "ticketId", "eventId", "version", "number", "status", "createdAt", "updatedAt", "occurredAt", "expiresAt", "detailType", "action");
    static final String JOB_SK = "PRIVACYJOB";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPersonalData(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<RedactionJob> findJob(String jobId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(jobKey(jobId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> m = r.item();
        List<String> pending = m.containsKey("pending") ? m.get("pending").l().stream().map(AttributeValue::s).toList() : List.of();
        return Optional.of(new RedactionJob(jobId, ItemMapper.str(m, "store"), ItemMapper.str(m, "reason"), pending,
                Integer.parseInt(m.get("done").n()), Instant.parse(ItemMapper.str(m, "startedAt")),
                m.containsKey("finishedAt") ? Instant.parse(ItemMapper.str(m, "finishedAt")) : null));
    }

    @Override
    public void saveJob(RedactionJob job) {
        Map<String, AttributeValue> item = new HashMap<>(jobKey(job.id()));
        item.put("type", ItemMapper.s("RedactionJob"));
        item.put("store", ItemMapper.s(job.store()));
        item.put("reason", ItemMapper.s(job.reason()));
        item.put("pending", AttributeValue.fromL(job.pending().stream().map(ItemMapper::s).toList()));
        item.put("done", ItemMapper.n(job.done()));
        item.put("startedAt", ItemMapper.s(job.startedAt().toString()));
        if (job.finishedAt() != null) item.put("finishedAt", ItemMapper.s(job.finishedAt().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<String> filesOf(String ticketId) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (Map<String, AttributeValue> item : collection(ticketId)) {
            if (item.containsKey("attachments") && item.get("attachments").hasL()) {
                for (AttributeValue a : item.get("attachments").l()) fileKey(a).ifPresent(keys::add);
            }
            if (item.containsKey("original")) fileKey(item.get("original")).ifPresent(keys::add);
        }
        return new ArrayList<>(keys);
    }

    private static Optional<String> fileKey(AttributeValue file) {
        return file.hasM() && file.m().containsKey("id") ? Optional.ofNullable(file.m().get("id").s()) : Optional.empty();
    }

    @Override
    public void redactTicket(String ticketId, Set<String> identities, String reason, Instant at) {
        Map<String, AttributeValue> ticket = null;
        List<Map<String, AttributeValue>> items = collection(ticketId);
        forgetThreadKeys(ticketId, items);
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get("SK").s();
            String type = ItemMapper.str(item, "type");
            if (sk.startsWith("INDEX#REQUESTER#") || sk.equals(DynamoDbOrderContexts.SK)) {
                delete(item);
            } else if (ItemMapper.TYPE_TICKET.equals(type) && sk.equals(Keys.TICKET_SK)) {
                ticket = item;
            } else {
                Map<String, AttributeValue> redacted = redactItem(item, identities);
                if (!redacted.equals(item)) dynamo.putItem(b -> b.tableName(table).item(redacted));
            }
        }
        redactMetricsFacts(ticketId, identities);
        if (ticket == null) return;
        Map<String, AttributeValue> before = ticket;
        Map<String, AttributeValue> redacted = redactItem(before, identities);
        if (before.containsKey("redactedAt")) {
            if (!redacted.equals(before)) dynamo.putItem(b -> b.tableName(table).item(redacted));
            return;
        }
        // the audit entry and the redacted ticket at the next version, so a writer holding the old version fails
        long version = Long.parseLong(before.get("version").n()) + 1;
        redacted.put("version", ItemMapper.n(version));
        redacted.put("redactedAt", ItemMapper.s(Keys.time(at)));
        Map<String, AttributeValue> audit = new HashMap<>();
        String eventId = "evt_redacted_" + at.toEpochMilli();
        audit.put("PK", ItemMapper.s(Keys.ticketPk(ticketId)));
        audit.put("SK", ItemMapper.s(Keys.historySk(version, 0, eventId)));
        audit.put("type", ItemMapper.s(ItemMapper.TYPE_HISTORY));
        audit.put("eventId", ItemMapper.s(eventId));
        audit.put("action", ItemMapper.s("PersonalDataRedacted"));
        audit.put("ticketId", ItemMapper.s(ticketId));
        audit.put("ticketNumber", before.get("number"));
        audit.put("occurredAt", ItemMapper.s(Keys.time(at)));
        audit.put("actor", AttributeValue.fromM(Map.of("type", ItemMapper.s("system"), "id", ItemMapper.s("privacy"))));
        audit.put("detail", ItemMapper.s("{\"reason\":\"" + reason.replaceAll("[^a-z/_]", "") + "\"}"));
        dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(redacted).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", before.get("version")))),
                t -> t.put(p -> p.tableName(table).item(audit))));
    }

    @Override
    public void forgetCustomer(String storeId, Set<String> identities, Instant at) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String identity : identities) {
            String key = (identity.contains("@") ? "email:" : "phone:") + identity;
            keys.add(Map.of("PK", ItemMapper.s("STORE#" + storeId + "#CUSTOMER#" + key), "SK", ItemMapper.s(DynamoDbOrderContexts.SK)));
            // the flood counters (DynamoDbSenderRate) of each hour TTL may not have removed yet: keys, never a scan
            Instant hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            for (int h = 0; h < FLOOD_COUNTER_HOURS; h++) {
                keys.add(Map.of("PK", ItemMapper.s("RATE#" + key + "#" + hour.minusSeconds(3600L * h)), "SK", ItemMapper.s("RATE")));
            }
        }
        for (int i = 0; i < keys.size(); i += 25) {
            List<WriteRequest> batch = keys.subList(i, Math.min(keys.size(), i + 25)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> left = Map.of(table, batch);
            while (!left.isEmpty()) {
                Map<String, List<WriteRequest>> request = left;
                var r = dynamo.batchWriteItem(b -> b.requestItems(request));
                left = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
        }
    }

    /**
     * The ticket's thread keys and inbound dedupe records ({@code THREADKEY#…}, {@code INBOUND#…}): a chat
     * conversation's key can hold the customer's phone number, a message's the provider's id of it. They are found
     * through the ticket's GSI1 entry; those written before it existed, from what the ticket kept of them (its
     * conversation, its messages' external ids), before the redaction overwrites that. A key that another ticket
     * has claimed since (a merge) is left to that ticket.
     */
    private void forgetThreadKeys(String ticketId, List<Map<String, AttributeValue>> items) {
        java.util.Set<String> pks = new java.util.LinkedHashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :p")
                    .expressionAttributeValues(Map.of(":p", ItemMapper.s(Keys.ticketKeysPartition(ticketId)))).exclusiveStartKey(from).build());
            r.items().forEach(item -> pks.add(item.get("PK").s() + "\n" + item.get("SK").s()));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        String conversation = null;
        for (Map<String, AttributeValue> item : items) {
            String c = ItemMapper.str(item, "conversation");
            if (c != null && !MARKER.equals(c)) conversation = c;
        }
        String channel = com.helpdesk.core.chat.ChatKeys.channelOf(conversation);
        if (conversation != null) pks.add(Keys.threadKeyPk(conversation) + "\n" + Keys.THREADKEY_SK);
        for (Map<String, AttributeValue> item : items) {
            String external = ItemMapper.str(item, "externalId");
            if (external == null) continue;
            String key = channel != null ? com.helpdesk.core.chat.ChatKeys.providerMessage(channel, external)
                    : com.helpdesk.core.email.EmailIntake.messageIdKey(external);
            pks.add(Keys.threadKeyPk(key) + "\n" + Keys.THREADKEY_SK);
            pks.add(Keys.inboundPk(key) + "\n" + Keys.INBOUND_SK);
        }
        for (String pk : pks) {
            String[] parts = pk.split("\n", 2);
            try {
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", ItemMapper.s(parts[0]), "SK", ItemMapper.s(parts[1])))
                        .conditionExpression("attribute_not_exists(PK) OR ticketId = :t")
                        .expressionAttributeValues(Map.of(":t", ItemMapper.s(ticketId))));
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException claimedByAnother) {
                // another ticket's now: its own erasure covers it
            }
        }
    }

    /** Counters live a day and TTL deletes within about two more: three days of hours covers them. */
    static final int FLOOD_COUNTER_HOURS = 72;

    private List<Map<String, AttributeValue>> collection(String ticketId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.ticketPk(ticketId))))
                    .exclusiveStartKey(from).build());
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private void delete(Map<String, AttributeValue> item) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
    }

    /** The item without personal data; its keys and bookkeeping unchanged. */
    static Map<String, AttributeValue> redactItem(Map<String, AttributeValue> item, Set<String> identities) {
        Map<String, AttributeValue> out = new HashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            AttributeValue v = e.getValue();
            if (STRUCTURAL.contains(name)) {
                out.put(name, v);
            } else if (name.equals("attachments")) {
                out.put(name, AttributeValue.fromL(List.of()));
            } else if (name.equals("original")) {
                continue; // the raw mail's pointer: the message is no longer the customer's words
            } else if (name.equals("author") || name.equals("actor") || name.equals("resolvedBy")) {
                out.put(name, isCustomer(v) ? AttributeValue.fromM(Map.of("type", ItemMapper.s("customer"), "id", ItemMapper.s(MARKER))) : v);
            } else if (name.equals("detail") && v.s() != null) {
                out.put(name, ItemMapper.s(redactJson(v.s(), identities)));
            } else if (name.equals("requester")) {
                out.put(name, AttributeValue.fromM(Map.of("name", ItemMapper.s(MARKER))));
            } else if (PERSONAL.contains(name) && (v.s() != null || v.b() != null)) { // a long text is stored compressed
                out.put(name, ItemMapper.s(MARKER));
            } else if (PERSONAL.contains(name) && v.hasL()) {
                out.put(name, AttributeValue.fromL(List.of()));
            } else if (PERSONAL.contains(name)) {
                continue;
            } else {
                out.put(name, redactValue(v, identities));
            }
        }
        return out;
    }

    private static boolean isCustomer(AttributeValue actor) {
        return actor != null && actor.hasM() && actor.m().containsKey("type") && "customer".equals(actor.m().get("type").s());
    }

    /** Any text naming the customer becomes the marker, inside maps and lists too. */
    private static AttributeValue redactValue(AttributeValue v, Set<String> identities) {
        if (v.s() != null) return mentions(v.s(), identities) ? ItemMapper.s(MARKER) : v;
        if (v.hasM()) {
            Map<String, AttributeValue> m = new HashMap<>();
            v.m().forEach((k, x) -> {
                if (PERSONAL.contains(k)) m.put(k, ItemMapper.s(MARKER));
                else m.put(k, redactValue(x, identities));
            });
            return AttributeValue.fromM(m);
        }
        if (v.hasL()) return AttributeValue.fromL(v.l().stream().map(x -> redactValue(x, identities)).toList());
        return v;
    }

    /** An event's detail (JSON): personal fields and any text naming the customer become the marker; customer actors lose their id. */
    static String redactJson(String json, Set<String> identities) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (Exception e) {
            return mentions(json, identities) ? "{}" : json;
        }
        return redactNode(node, identities).toString();
    }

    private static JsonNode redactNode(JsonNode node, Set<String> identities) {
        if (node.isTextual()) return mentions(node.asText(), identities) ? TextNode.valueOf(MARKER) : node;
        if (node.isArray()) {
            var out = Json.mapper().createArrayNode();
            node.forEach(x -> out.add(redactNode(x, identities)));
            return out;
        }
        if (!node.isObject()) return node;
        ObjectNode out = Json.mapper().createObjectNode();
        boolean customer = "customer".equals(node.path("type").asText(null)) && node.has("id");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (PERSONAL.contains(f.getKey()) && !f.getValue().isNull()) out.put(f.getKey(), MARKER);
            else if (customer && f.getKey().equals("id")) out.put("id", MARKER);
            else out.set(f.getKey(), redactNode(f.getValue(), identities));
        }
        return out;
    }

    private static boolean mentions(String text, Set<String> identities) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String identity : identities) if (lower.contains(identity.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    private static Map<String, AttributeValue> jobKey(String jobId) {
        return Map.of("PK", ItemMapper.s("PRIVACYJOB#" + jobId), "SK", ItemMapper.s(JOB_SK));
    }

    /** A ticket's metrics facts exist once per generation of the aggregates (docs/metrics.md, "Rebuild"). */
    private void redactMetricsFacts(String ticketId, Set<String> identities) {
        var state = dynamo.getItem(b -> b.tableName(table).key(MetricsItems.GENERATIONS_KEY).consistentRead(true));
        int latest = state.hasItem() && !state.item().isEmpty() ? MetricsItems.generations(state.item()).latest() : 0;
        for (int g = 0; g <= latest; g++) {
            int generation = g;
            var facts = dynamo.getItem(b -> b.tableName(table).key(MetricsItems.factsKey(generation, ticketId)).consistentRead(true));
            if (!facts.hasItem() || facts.item().isEmpty()) continue;
            Map<String, AttributeValue> redactedFacts = redactItem(facts.item(), identities);
            if (!redactedFacts.equals(facts.item())) dynamo.putItem(b -> b.tableName(table).item(redactedFacts));
        }
    }
}
