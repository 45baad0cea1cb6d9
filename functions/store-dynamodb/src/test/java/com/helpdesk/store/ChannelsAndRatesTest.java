package com.helpdesk.store;

import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat channel repository and the per-sender rate counter against DynamoDB Local. */
class ChannelsAndRatesTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("channels");
    private static DynamoDbClient client;
    private static DynamoDbChannelRepository channels;
    private static DynamoDbSenderRate rates;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        channels = new DynamoDbChannelRepository(client, "channels");
        rates = new DynamoDbSenderRate(client, "channels");
    }

    private static ChatChannel channel(String id, ChatKind kind, Map<String, String> settings) {
        Instant at = Instant.parse("2026-11-22T08:00:00.123Z");
        return new ChatChannel(id, kind, "Channel " + id, settings, at, at.plusSeconds(60));
    }

    @Test
    void aChannelRoundTripsIsReplacedAndDeletedOnce() {
        ChatChannel wa = channel("wa-eu", ChatKind.WHATSAPP, Map.of("phoneNumberId", "106540352242922"));
        channels.save(wa);
        NoScanClient.OPERATIONS.clear();
        assertThat(channels.find("wa-eu")).contains(wa);
        assertThat(NoScanClient.OPERATIONS).containsExactly("GetItem");

        ChatChannel renamed = new ChatChannel("wa-eu", ChatKind.WHATSAPP, "WhatsApp EU", Map.of("phoneNumberId", "106540352242923"),
                wa.createdAt(), wa.updatedAt().plusSeconds(5));
        channels.save(renamed);
        assertThat(channels.find("wa-eu")).contains(renamed);

        assertThat(channels.delete("wa-eu")).isTrue();
        assertThat(channels.delete("wa-eu")).as("already gone").isFalse();
        assertThat(channels.find("wa-eu")).isEmpty();
        assertThat(channels.find("never")).isEmpty();
    }

    @Test
    void listingIsOneQueryOfTheChannelsAlone() {
        ChatChannel generic = channel("web", ChatKind.GENERIC, Map.of("callbackUrl", "https://shop.example/chat/callback"));
        ChatChannel empty = channel("bare", ChatKind.GENERIC, Map.of());
        channels.save(generic);
        channels.save(empty);
        rates.countOne("email:noise@example.com", Instant.parse("2026-11-22T08:00:00Z")); // another item of the table
        NoScanClient.OPERATIONS.clear();
        List<ChatChannel> all = channels.list();
        assertThat(NoScanClient.OPERATIONS).containsExactly("Query");
        assertThat(all).contains(generic, empty).allMatch(c -> c.kind() != null);
    }

    @Test
    void aSendersCountGrowsByOnePerMessageWithinItsWindowOnly() {
        Instant hour = Instant.parse("2026-11-22T09:00:00Z");
        assertThat(rates.countOne("email:flood@example.com", hour)).isEqualTo(1);
        assertThat(rates.countOne("email:flood@example.com", hour)).isEqualTo(2);
        assertThat(rates.countOne("email:flood@example.com", hour.plusSeconds(3600))).as("next window").isEqualTo(1);
        assertThat(rates.countOne("email:other@example.com", hour)).as("other sender").isEqualTo(1);
        assertThat(rates.countOne("email:flood@example.com", hour)).isEqualTo(3);

        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("channels").key(Map.of(
                "PK", AttributeValue.fromS("RATE#email:flood@example.com#" + hour), "SK", AttributeValue.fromS("RATE")))).item();
        assertThat(item.get("type").s()).isEqualTo("SenderRate");
        assertThat(Long.parseLong(item.get("expiresAt").n())).as("gone a day after the window opened")
                .isEqualTo(hour.getEpochSecond() + 86_400);
    }

    @Test
    void concurrentCountsNeverRepeatANumber() throws Exception {
        Instant hour = Instant.parse("2026-11-22T10:00:00Z");
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> { for (int j = 0; j < 10; j++) seen.add(rates.countOne("email:burst@example.com", hour)); });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertThat(seen).hasSize(40).contains(1L, 40L);
    }
}
