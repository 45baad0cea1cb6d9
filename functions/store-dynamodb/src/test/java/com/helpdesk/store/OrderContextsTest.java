package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.LineItem;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.Refund;
import com.helpdesk.core.orders.OrderContext.ShippingAddress;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderContextCache.Cached;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.ticket.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order contexts on the ticket's item collection, with their outbox event, and the per-customer cache, against DynamoDB Local. */
class OrderContextsTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("orders");
    private static DynamoDbClient client;
    private static DynamoDbOrderContexts contexts;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        contexts = new DynamoDbOrderContexts(client, "orders");
    }

    static OrderContext context(String status) {
        ShopCustomer ana = new ShopCustomer("gid://shopify/Customer/7001", "Ana Demo", "ana@example.com", "+4915112345678",
                4, "255.40", "EUR", List.of("vip"));
        ShopOrder order = new ShopOrder("gid://shopify/Order/5001", "#1001", Instant.parse("2026-11-20T09:12:44Z"), "PAID", "FULFILLED",
                null, "89.90", "EUR", List.of(new LineItem("Trail Runner 2", "TR2-42", 1, "79.90"), new LineItem("Socks", null, 2, "5.00")),
                new ShippingAddress("Berlin", "Germany"),
                List.of(new Fulfillment("SUCCESS", "DHL Express", "JD014600006281234567", "https://www.dhl.com/x", "IN_TRANSIT", null)),
                List.of(new Refund(Instant.parse("2026-11-28T08:00:00Z"), "30.00")), List.of(MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER));
        return new OrderContext("main", OrderContext.Status.parse(status), null, AT, ana, List.of(order));
    }

    private static DomainEvent event(String ticketId, String id) {
        return new DomainEvent(id, OrderContexts.ORDER_CONTEXT_UPDATED, ticketId, 1001, AT, Actor.system("order-lookup"),
                Map.of("store", "main", "status", "ok"));
    }

    @Test
    void aContextRoundTripsWithItsEventAndVersion() {
        OrderContext ctx = context("ok");
        contexts.save("T1", ctx, 0, event("T1", "E1"));
        OrderContexts.Stored stored = contexts.find("T1").orElseThrow();
        assertThat(stored.context()).isEqualTo(ctx);
        assertThat(stored.version()).isEqualTo(1);

        var collection = client.query(b -> b.tableName("orders").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#T1")))).items();
        assertThat(collection).extracting(i -> i.get("type").s()).containsExactlyInAnyOrder("OrderContext", "OutboxEvent");
        assertThat(collection).filteredOn(i -> i.get("type").s().equals("OutboxEvent"))
                .extracting(i -> i.get("detailType").s()).containsExactly("OrderContextUpdated");
    }

    @Test
    void aStaleWriteIsRefusedAndWritesNoEvent() {
        contexts.save("T2", context("pending"), 0, event("T2", "E2"));
        contexts.save("T2", context("ok"), 1, event("T2", "E3"));
        assertThatThrownBy(() -> contexts.save("T2", context("ok"), 1, event("T2", "E4")))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> contexts.save("T2", context("ok"), 0, event("T2", "E5")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(contexts.find("T2").orElseThrow().version()).isEqualTo(2);
        var events = client.query(b -> b.tableName("orders").keyConditionExpression("PK = :pk AND begins_with(SK, :e)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#T2"), ":e", AttributeValue.fromS("EVENT#")))).items();
        assertThat(events).extracting(i -> i.get("eventId").s()).containsExactlyInAnyOrder("E2", "E3");
    }

    @Test
    void theCacheKeepsAContextUntilEvictedAndRoundsItsExpiryUp() {
        contexts.put("main", "email:ana@example.com", new Cached(context("ok"), AT.plusSeconds(600)));
        Cached cached = contexts.get("main", "email:ana@example.com").orElseThrow();
        assertThat(cached.context()).isEqualTo(context("ok"));
        assertThat(cached.expiresAt()).isEqualTo(Instant.parse("2026-12-01T10:10:01Z"));
        assertThat(contexts.get("eu", "email:ana@example.com")).isEmpty();
        contexts.evict("main", "email:ana@example.com");
        assertThat(contexts.get("main", "email:ana@example.com")).isEmpty();
        assertThat(contexts.find("nobody")).isEmpty();
    }
}
