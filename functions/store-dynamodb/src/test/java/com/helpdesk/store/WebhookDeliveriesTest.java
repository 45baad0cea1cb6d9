package com.helpdesk.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook dedupe against DynamoDB Local: a conditional put, expired by the table's TTL attribute. */
class WebhookDeliveriesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("deliveries");
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
    }

    @Test
    void theFirstDeliveryIsClaimedARedeliveryIsNot() {
        var deliveries = new DynamoDbWebhookDeliveries(client, "deliveries", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(deliveries.claim("shopify#demo#evt-1", NOW.plusSeconds(3600))).isTrue();
        assertThat(deliveries.claim("shopify#demo#evt-1", NOW.plusSeconds(3600))).isFalse();
        assertThat(deliveries.claim("shopify#other#evt-1", NOW.plusSeconds(3600))).as("another store's event").isTrue();
        var item = client.getItem(b -> b.tableName("deliveries").key(Map.of("PK", ItemMapper.s("WEBHOOK#shopify#demo#evt-1"),
                "SK", ItemMapper.s("WEBHOOK")))).item();
        assertThat(item.get("type").s()).isEqualTo("WebhookDelivery");
        assertThat(item.get("expiresAt").n()).isEqualTo(String.valueOf(NOW.plusSeconds(3600).getEpochSecond()));
    }

    @Test
    void aReleasedOrExpiredKeyCanBeClaimedAgain() {
        var deliveries = new DynamoDbWebhookDeliveries(client, "deliveries", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(deliveries.claim("shopify#demo#evt-2", NOW.plusSeconds(60))).isTrue();
        deliveries.release("shopify#demo#evt-2");
        assertThat(deliveries.claim("shopify#demo#evt-2", NOW.plusSeconds(60))).isTrue();

        var later = new DynamoDbWebhookDeliveries(client, "deliveries", Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        assertThat(later.claim("shopify#demo#evt-2", NOW.plusSeconds(3600))).as("TTL deletes lazily: expired counts as gone").isTrue();
        assertThat(later.claim("shopify#demo#evt-2", NOW.plusSeconds(3600))).isFalse();
    }
}
