package com.helpdesk.store;

import com.helpdesk.core.agents.Agent;
import com.helpdesk.core.agents.AgentDirectory;
import com.helpdesk.core.agents.AgentProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents in one item collection ({@code AGENTS} / {@code AGENT#<id>}, with each group's round-robin turn as
 * {@code TURN#<group>}), and one slot item per routed ticket ({@code AGENTSLOT#<ticketId>}). Taking a slot is one
 * transaction: the slot put on {@code attribute_not_exists} (a ticket holds at most one) and the agent's
 * {@code load} raised on the condition {@code available AND load < capacity}; so of two tickets racing for an
 * agent's last slot, one transaction is cancelled. Releasing is the mirror: the slot deleted on its holder,
 * the load lowered on {@code load > 0}.
 */
public final class DynamoDbAgentDirectory implements AgentDirectory {
    static final String PK = "AGENTS";
    static final String TYPE = "Agent";
    private static final String SLOT_SK = "AGENTSLOT";
    private static final int RELEASE_ATTEMPTS = 5;
    private static final Map<String, String> NAMES = Map.of("#load", "load", "#cap", "capacity", "#avail", "available");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAgentDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> agentKey(String id) {
        return Map.of("PK", ItemMapper.s(PK), "SK", ItemMapper.s("AGENT#" + id));
    }

    private static Map<String, AttributeValue> slotKey(String ticketId) {
        return Map.of("PK", ItemMapper.s("AGENTSLOT#" + ticketId), "SK", ItemMapper.s(SLOT_SK));
    }

    @Override
    public Optional<Agent> find(String id) {
        var r = dynamo.getItem(b -> b.tableName(table).key(agentKey(id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(agent(r.item())) : Optional.empty();
    }

    @Override
    public List<Agent> list() {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :agent)")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(PK), ":agent", ItemMapper.s("AGENT#"))).consistentRead(true))
                .items().stream().map(DynamoDbAgentDirectory::agent).toList();
    }

    @Override
    public Agent save(AgentProfile p) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", ItemMapper.s(TYPE));
        values.put(":id", ItemMapper.s(p.id()));
        values.put(":name", ItemMapper.s(p.name()));
        values.put(":groups", AttributeValue.fromL(p.groups().stream().map(ItemMapper::s).toList()));
        values.put(":avail", AttributeValue.fromBool(p.available()));
        values.put(":cap", ItemMapper.n(p.capacity()));
        values.put(":zero", ItemMapper.n(0));
        var r = dynamo.updateItem(b -> b.tableName(table).key(agentKey(p.id()))
                .updateExpression("SET #type = :type, #id = :id, #name = :name, #groups = :groups, #avail = :avail, #cap = :cap, "
                        + "#load = if_not_exists(#load, :zero)")
                .expressionAttributeNames(Map.of("#type", "type", "#id", "id", "#name", "name", "#groups", "groups",
                        "#avail", "available", "#cap", "capacity", "#load", "load"))
                .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW));
        return agent(r.attributes());
    }

    @Override
    public Optional<Agent> setAvailable(String id, boolean available) {
        try {
            var r = dynamo.updateItem(b -> b.tableName(table).key(agentKey(id)).updateExpression("SET #avail = :avail")
                    .conditionExpression("attribute_exists(PK)").expressionAttributeNames(Map.of("#avail", "available"))
                    .expressionAttributeValues(Map.of(":avail", AttributeValue.fromBool(available))).returnValues(ReturnValue.ALL_NEW));
            return Optional.of(agent(r.attributes()));
        } catch (ConditionalCheckFailedException none) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String id) {
        var r = dynamo.deleteItem(b -> b.tableName(table).key(agentKey(id)).returnValues(ReturnValue.ALL_OLD));
        return r.hasAttributes() && !r.attributes().isEmpty();
    }

    @Override
    public Optional<String> slotHolder(String ticketId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(slotKey(ticketId)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item().get("agentId").s()) : Optional.empty();
    }

    @Override
    public Claim claim(String agentId, String ticketId, boolean overCapacity) {
        Map<String, AttributeValue> slot = new HashMap<>(slotKey(ticketId));
        slot.put("type", ItemMapper.s("AgentSlot"));
        slot.put("agentId", ItemMapper.s(agentId));
        slot.put("ticketId", ItemMapper.s(ticketId));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", ItemMapper.n(1), ":zero", ItemMapper.n(0)));
        String condition = "attribute_exists(PK)";
        if (!overCapacity) {
            condition += " AND #avail = :true AND #load < #cap";
            values.put(":true", AttributeValue.fromBool(true));
        }
        String agentCondition = condition;
        Map<String, String> names = overCapacity ? Map.of("#load", "load") : NAMES;
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(slot).conditionExpression("attribute_not_exists(PK)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(agentKey(agentId))
                            .updateExpression("SET #load = if_not_exists(#load, :zero) + :one").conditionExpression(agentCondition)
                            .expressionAttributeNames(names).expressionAttributeValues(values)).build()));
            return Claim.CLAIMED;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) return Claim.TICKET_HOLDS_ONE;
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) return Claim.REFUSED;
            throw cancelled; // a conflict with another transaction on the same items: the caller's retry (the queue) decides
        }
    }

    @Override
    public void release(String ticketId) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            Optional<String> holder = slotHolder(ticketId);
            if (holder.isEmpty()) return;
            if (releaseFrom(ticketId, holder.get())) return;
        }
        throw new IllegalStateException("the slot of ticket " + ticketId + " kept changing while it was released");
    }

    /** @return false when the slot changed since it was read (read it again) */
    private boolean releaseFrom(String ticketId, String agentId) {
        Map<String, AttributeValue> holder = Map.of(":agent", ItemMapper.s(agentId));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(slotKey(ticketId))
                            .conditionExpression("agentId = :agent").expressionAttributeValues(holder)).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(agentKey(agentId))
                            .updateExpression("SET #load = #load - :one").conditionExpression("attribute_exists(PK) AND #load > :zero")
                            .expressionAttributeNames(Map.of("#load", "load"))
                            .expressionAttributeValues(Map.of(":one", ItemMapper.n(1), ":zero", ItemMapper.n(0)))).build()));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            boolean slotChanged = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
            boolean agentGone = reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code());
            if (slotChanged || !agentGone) return false;
            return deleteSlotOnly(ticketId, holder); // the agent was deleted (or holds nothing): the slot goes alone
        }
    }

    private boolean deleteSlotOnly(String ticketId, Map<String, AttributeValue> holder) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(slotKey(ticketId)).conditionExpression("agentId = :agent")
                    .expressionAttributeValues(holder));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** One conditional UpdateItem; the ticket that took the latest turn reads it back instead (AgentDirectory#nextTurn). */
    @Override
    public long nextTurn(String group, String ticketId) {
        Map<String, AttributeValue> key = Map.of("PK", ItemMapper.s(PK), "SK", ItemMapper.s("TURN#" + group));
        try {
            var r = dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET #type = :type, lastTicket = :ticket ADD #turn :one")
                    .conditionExpression("attribute_not_exists(lastTicket) OR lastTicket <> :ticket")
                    .expressionAttributeNames(Map.of("#type", "type", "#turn", "turn"))
                    .expressionAttributeValues(Map.of(":type", ItemMapper.s("RoundRobinTurn"), ":one", ItemMapper.n(1),
                            ":ticket", ItemMapper.s(ticketId)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Long.parseLong(r.attributes().get("turn").n()) - 1;
        } catch (ConditionalCheckFailedException sameTicket) {
            var item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            return Long.parseLong(item.get("turn").n()) - 1;
        }
    }

    private static Agent agent(Map<String, AttributeValue> item) {
        AttributeValue groups = item.get("groups");
        AttributeValue load = item.get("load");
        return new Agent(item.get("id").s(), item.get("name").s(),
                groups == null ? List.of() : groups.l().stream().map(AttributeValue::s).toList(),
                item.get("available").bool(), Integer.parseInt(item.get("capacity").n()),
                load == null ? 0 : Integer.parseInt(load.n()));
    }
}
