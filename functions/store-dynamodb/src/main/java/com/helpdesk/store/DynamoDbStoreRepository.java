package com.helpdesk.store;

import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shopify stores in one item collection ({@code STORES} / {@code STORE#<id>}): a GetItem each, one Query for all. */
public final class DynamoDbStoreRepository implements StoreRepository {
    static final String PK = "STORES";
    static final String TYPE = "Store";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStoreRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("PK", ItemMapper.s(PK), "SK", ItemMapper.s("STORE#" + id));
    }

    @Override
    public Optional<Store> find(String id) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(store(r.item())) : Optional.empty();
    }

    @Override
    public List<Store> list() {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(PK))).consistentRead(true))
                .items().stream().map(DynamoDbStoreRepository::store).toList();
    }

    @Override
    public void save(Store s) {
        Map<String, AttributeValue> item = new HashMap<>(key(s.id()));
        item.put("type", ItemMapper.s(TYPE));
        item.put("id", ItemMapper.s(s.id()));
        item.put("name", ItemMapper.s(s.name()));
        item.put("shopDomain", ItemMapper.s(s.shopDomain()));
        item.put("supportAddresses", AttributeValue.fromL(s.supportAddresses().stream().map(ItemMapper::s).toList()));
        item.put("channels", AttributeValue.fromL(s.channels().stream().map(ItemMapper::s).toList()));
        item.put("orderNamePrefix", ItemMapper.s(s.orderNamePrefix()));
        item.put("orderNameSuffix", ItemMapper.s(s.orderNameSuffix()));
        item.put("isDefault", AttributeValue.fromBool(s.isDefault()));
        item.put("autoAnswerWismo", AttributeValue.fromBool(s.autoAnswer().wismo()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean delete(String id) {
        var r = dynamo.deleteItem(b -> b.tableName(table).key(key(id)).returnValues(ReturnValue.ALL_OLD));
        return r.hasAttributes() && !r.attributes().isEmpty();
    }

    private static Store store(Map<String, AttributeValue> item) {
        return new Store(item.get("id").s(), item.get("name").s(), item.get("shopDomain").s(), strings(item.get("supportAddresses")),
                strings(item.get("channels")), item.get("orderNamePrefix").s(), item.get("orderNameSuffix").s(), item.get("isDefault").bool(),
                // stores saved before auto-answers existed have no such attribute: off
                new Store.AutoAnswer(item.containsKey("autoAnswerWismo") && Boolean.TRUE.equals(item.get("autoAnswerWismo").bool())));
    }

    private static List<String> strings(AttributeValue list) {
        return list == null ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }
}
