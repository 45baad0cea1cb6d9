package com.helpdesk.store;

import com.helpdesk.core.port.SenderRate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;

/** One atomic counter item per sender and window ({@code RATE#<sender>#<window>}), gone with TTL a day later. */
public final class DynamoDbSenderRate implements SenderRate {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSenderRate(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long countOne(String sender, Instant windowStart) {
        var r = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("PK", ItemMapper.s("RATE#" + sender + "#" + windowStart), "SK", ItemMapper.s("RATE")))
                .updateExpression("ADD #c :one SET #t = :type, expiresAt = :ttl")
                .expressionAttributeNames(Map.of("#c", "count", "#t", "type"))
                .expressionAttributeValues(Map.of(":one", ItemMapper.n(1), ":type", ItemMapper.s("SenderRate"),
                        ":ttl", ItemMapper.n(windowStart.getEpochSecond() + 86_400)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(r.attributes().get("count").n());
    }
}
