package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.helpdesk.core.routing.RoutingRule;
import com.helpdesk.core.routing.RoutingRuleWire;
import com.helpdesk.core.routing.RoutingRules;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routing rules in one item collection ({@code ROUTINGRULES} / {@code RULE#<id>}): a GetItem for one, one Query for
 * all (what every routed ticket reads). The rule is kept as its wire JSON and read back through the same checks.
 */
public final class DynamoDbRoutingRules implements RoutingRules {
    static final String PK = "ROUTINGRULES";
    static final String TYPE = "RoutingRule";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRoutingRules(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("PK", ItemMapper.s(PK), "SK", ItemMapper.s("RULE#" + id));
    }

    @Override
    public Optional<RoutingRule> find(String id) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(rule(r.item())) : Optional.empty();
    }

    @Override
    public List<RoutingRule> list() {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(PK))).consistentRead(true))
                .items().stream().map(DynamoDbRoutingRules::rule).toList();
    }

    @Override
    public void save(RoutingRule rule) {
        Map<String, AttributeValue> item = new HashMap<>(key(rule.id()));
        item.put("type", ItemMapper.s(TYPE));
        item.put("id", ItemMapper.s(rule.id()));
        item.put("ruleOrder", ItemMapper.n(rule.order()));
        try {
            item.put("rule", ItemMapper.s(Json.mapper().writeValueAsString(RoutingRuleWire.toWire(rule))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a routing rule could not be written as JSON", e);
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean delete(String id) {
        var r = dynamo.deleteItem(b -> b.tableName(table).key(key(id)).returnValues(ReturnValue.ALL_OLD));
        return r.hasAttributes() && !r.attributes().isEmpty();
    }

    private static RoutingRule rule(Map<String, AttributeValue> item) {
        try {
            Map<String, Object> wire = Json.mapper().readValue(item.get("rule").s(), new TypeReference<Map<String, Object>>() {});
            return RoutingRuleWire.parse(item.get("id").s(), wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rule " + item.get("id").s() + " is stored as unreadable JSON", e);
        }
    }
}
