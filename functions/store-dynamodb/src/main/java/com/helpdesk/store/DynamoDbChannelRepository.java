package com.helpdesk.store;

import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.port.ChannelRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chat channels in one item collection ({@code CHANNELS} / {@code CHANNEL#<id>}): a GetItem each, one Query for all. */
public final class DynamoDbChannelRepository implements ChannelRepository {
    static final String PK = "CHANNELS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbChannelRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("PK", ItemMapper.s(PK), "SK", ItemMapper.s("CHANNEL#" + id));
    }

    @Override
    public Optional<ChatChannel> find(String id) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(channel(r.item())) : Optional.empty();
    }

    @Override
    public List<ChatChannel> list() {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(PK))))
                .items().stream().map(DynamoDbChannelRepository::channel).toList();
    }

    @Override
    public void save(ChatChannel c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put("type", ItemMapper.s("ChatChannel"));
        item.put("id", ItemMapper.s(c.id()));
        item.put("kind", ItemMapper.s(c.kind().wire()));
        item.put("name", ItemMapper.s(c.name()));
        Map<String, AttributeValue> settings = new HashMap<>();
        c.settings().forEach((k, v) -> settings.put(k, ItemMapper.s(v)));
        item.put("settings", AttributeValue.fromM(settings));
        item.put("createdAt", ItemMapper.s(Keys.time(c.createdAt())));
        item.put("updatedAt", ItemMapper.s(Keys.time(c.updatedAt())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean delete(String id) {
        var r = dynamo.deleteItem(b -> b.tableName(table).key(key(id)).returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
        return r.hasAttributes() && !r.attributes().isEmpty();
    }

    private static ChatChannel channel(Map<String, AttributeValue> item) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (item.containsKey("settings")) item.get("settings").m().forEach((k, v) -> settings.put(k, v.s()));
        return new ChatChannel(item.get("id").s(), ChatKind.parse(item.get("kind").s()), item.get("name").s(), settings,
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()));
    }
}
