package com.helpdesk.store;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContextCache;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.privacy.CustomerDataExported;
import com.helpdesk.core.privacy.ShopErasureJob;
import com.helpdesk.core.ticket.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A store's tickets, caches and export records found through GSI1 for shop/redact (never a scan), against DynamoDB Local. */
class StoreDataTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("stores");
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
    }

    @Test
    void theStoresTicketsArePagedAfterACheckpointAndLeaveTheIndexWithTheirContext() {
        DynamoDbOrderContexts contexts = new DynamoDbOrderContexts(client, "stores");
        for (String id : List.of("tkt_c", "tkt_a", "tkt_d", "tkt_b")) contexts.save(id, context("eu"), 0, event(id));
        contexts.save("tkt_m", context("main"), 0, event("tkt_m"));
        DynamoDbStoreData data = new DynamoDbStoreData(client, "stores");

        assertThat(data.ticketsAfter("eu", null, 3)).containsExactly("tkt_a", "tkt_b", "tkt_c");
        assertThat(data.ticketsAfter("eu", "tkt_c", 3)).containsExactly("tkt_d");
        assertThat(data.ticketsAfter("main", null, 25)).containsExactly("tkt_m");

        new DynamoDbPersonalData(client, "stores").redactTicket("tkt_a", java.util.Set.of("ana@example.com"), "shop/redact", NOW);
        assertThat(data.ticketsAfter("eu", null, 25)).as("the redaction deletes the context").containsExactly("tkt_b", "tkt_c", "tkt_d");
    }

    @Test
    void theStoresCachesAndExportRecordsAreFoundAndDeletedAnotherStoresStay() {
        DynamoDbOrderContexts contexts = new DynamoDbOrderContexts(client, "stores");
        contexts.put("shopx", "email:ana@example.com", cached("shopx"));
        contexts.put("shopx", "phone:+4915112345678", cached("shopx"));
        contexts.put("shopy", "email:ana@example.com", cached("shopy"));
        DynamoDbExportLedger ledger = new DynamoDbExportLedger(client, "stores");
        ledger.record(new CustomerDataExported("evt_e1", "export#shopx#e-1", "shopx", "7001", 1, "exports/shopx/abc.json",
                URI.create("https://files.example/exports/shopx/abc.json?X-Amz-Signature=1"), NOW.plusSeconds(3600), NOW));
        DynamoDbStoreData data = new DynamoDbStoreData(client, "stores");

        assertThat(data.exportsOf("shopx")).containsExactly("exports/shopx/abc.json");
        data.forgetStore("shopx");

        assertThat(contexts.get("shopx", "email:ana@example.com")).isEmpty();
        assertThat(contexts.get("shopx", "phone:+4915112345678")).isEmpty();
        assertThat(contexts.get("shopy", "email:ana@example.com")).as("another store's cache").isPresent();
        assertThat(ledger.exported("export#shopx#e-1")).isFalse();
        assertThat(client.query(b -> b.tableName("stores").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s("PRIVACYJOB#export#shopx#e-1")))).items())
                .as("the record's outbox copy with the link goes too").isEmpty();
        assertThat(data.exportsOf("shopx")).isEmpty();
    }

    @Test
    void aJobRoundTripsWithItsCheckpoint() {
        DynamoDbStoreData data = new DynamoDbStoreData(client, "stores");
        ShopErasureJob job = new ShopErasureJob("shop#eu#evt-1", "eu", "shop/redact", null, 0, NOW, null);
        data.saveJob(job);
        assertThat(data.findJob("shop#eu#evt-1")).contains(job);
        ShopErasureJob done = job.after("tkt_a").after("tkt_b").finished(NOW.plusSeconds(3));
        data.saveJob(done);
        assertThat(data.findJob("shop#eu#evt-1")).contains(done);
        assertThat(data.findJob("shop#eu#evt-2")).isEmpty();
    }

    private static OrderContext context(String store) {
        return new OrderContext(store, OrderContext.Status.OK, null, NOW, null, List.of());
    }

    private static OrderContextCache.Cached cached(String store) {
        return new OrderContextCache.Cached(context(store), NOW.plusSeconds(600));
    }

    private static DomainEvent event(String ticketId) {
        return new DomainEvent("evt_" + ticketId, OrderContexts.ORDER_CONTEXT_UPDATED, ticketId, 1001, NOW, Actor.system("order-lookup"),
                Map.of("store", "eu", "status", "ok"));
    }
}
