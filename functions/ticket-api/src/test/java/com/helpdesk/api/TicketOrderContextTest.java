package com.helpdesk.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.LineItem;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.Refund;
import com.helpdesk.core.orders.OrderContext.ShippingAddress;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbChannelRepository;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /tickets/{id} with its orderContext, in the issue's shape, against DynamoDB Local. */
class TicketOrderContextTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static TicketApiHandler handler;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(TableSchema.createTableRequest("tickets"));
        Clock clock = Clock.systemUTC();
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(client, "tickets");
        UlidGenerator ids = new UlidGenerator(clock);
        TicketDesk desk = TicketDesk.wire(repository, ids, clock);
        handler = new TicketApiHandler(desk,
                new CsatService(repository, new CsatToken("csat-key-for-tests-0123456789abcd".getBytes(java.nio.charset.StandardCharsets.UTF_8)), ids, clock, Duration.ofDays(7)),
                null, new ChannelService(new DynamoDbChannelRepository(client, "tickets"), new TicketApiHandlerTest.InMemorySecrets(), "/helpdesk/test", clock),
                new com.helpdesk.core.sla.TicketSlaQueries(new com.helpdesk.store.DynamoDbSlaTicketReads(client, "tickets"),
                        new com.helpdesk.core.sla.SlaSettings(new com.helpdesk.store.DynamoDbSlaSettings(client, "tickets"),
                                java.time.ZoneOffset.UTC), clock),
                new OrderContextReads(new DynamoDbOrderContexts(client, "tickets"), new DynamoDbStoreRepository(client, "tickets")),
                new com.helpdesk.core.triage.IntentRecords(new com.helpdesk.store.DynamoDbTicketIntents(client, "tickets"), ids, clock));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(ROOT.resolve("events/api/" + name).toString());
    }

    private static APIGatewayV2HTTPResponse get(String id, String ifNoneMatch) {
        APIGatewayV2HTTPEvent e = sample("get-ticket.json");
        e.setPathParameters(new java.util.HashMap<>(Map.of("id", id)));
        e.setRawPath(e.getRawPath().replaceAll("/tickets/[^/]+", "/tickets/" + id));
        if (ifNoneMatch != null) e.getHeaders().put("if-none-match", ifNoneMatch);
        return handler.handle(e, null);
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void aTicketShowsNoContextWithoutAStorePendingWithOneAndTheStoredContextInTheIssuesShape() throws Exception {
        APIGatewayV2HTTPResponse created = handler.handle(sample("create-ticket.json"), null);
        String id = Json.mapper().readTree(created.getBody()).get("id").asText();

        APIGatewayV2HTTPResponse none = get(id, null);
        assertThat(Json.mapper().readTree(none.getBody()).get("orderContext").isNull()).isTrue();
        assertThat(get(id, none.getHeaders().get("ETag")).getStatusCode()).as("nothing else can have changed").isEqualTo(304);

        new DynamoDbStoreRepository(client, "tickets").save(new Store("demo", "Demo", "demo.myshopify.com", List.of(), List.of(), null, null, true));
        JsonNode pending = Json.mapper().readTree(get(id, null).getBody()).get("orderContext");
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("store").asText()).isEqualTo("demo");
        assertThat(get(id, none.getHeaders().get("ETag")).getStatusCode()).as("the context changes apart from the ticket's ETag").isEqualTo(200);

        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        ShopOrder order = new ShopOrder("gid://shopify/Order/1", "#1001", at, "PARTIALLY_REFUNDED", "FULFILLED", null, "89.90", "EUR",
                List.of(new LineItem("Trail shoe", "TS-42", 1, "89.90")), new ShippingAddress("Berlin", "Germany"),
                List.of(new Fulfillment("SUCCESS", "DHL Express", "JD014600006281230", "https://www.dhl.com/track?id=JD014600006281230", "IN_TRANSIT", null)),
                List.of(new Refund(at.plusSeconds(3600), "10.00")), List.of(MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER));
        OrderContext context = new OrderContext("demo", OrderContext.Status.OK, null, at.plusSeconds(7200),
                new ShopCustomer("gid://shopify/Customer/1", "Ana Demo", "ana@example.com", "+4915112345678", 4, "321.40", "EUR", List.of("vip")),
                List.of(order));
        new DynamoDbOrderContexts(client, "tickets").save(id, context, 0,
                new DomainEvent("evt_1", "OrderContextUpdated", id, 1, at, Actor.system("order-lookup"), Map.of("store", "demo")));

        JsonNode shown = Json.mapper().readTree(get(id, null).getBody()).get("orderContext");
        assertThat(fields(shown)).containsExactly("store", "status", "reason", "fetchedAt", "customer", "orders");
        assertThat(fields(shown.get("customer"))).containsExactly("id", "name", "email", "phone", "ordersCount", "totalSpent", "currency", "tags");
        JsonNode o = shown.get("orders").get(0);
        assertThat(fields(o)).containsExactly("name", "createdAt", "financialStatus", "fulfillmentStatus", "cancelledAt", "total", "currency",
                "lineItems", "shippingAddress", "fulfillments", "refunds", "matchedBy");
        assertThat(fields(o.get("lineItems").get(0))).containsExactly("title", "sku", "quantity", "price");
        assertThat(fields(o.get("shippingAddress"))).containsExactly("city", "country");
        // the issue's fields, then the carrier's expected delivery (added for the WISMO answer, docs/deflection.md)
        assertThat(fields(o.get("fulfillments").get(0))).containsExactly("status", "carrier", "trackingNumber", "trackingUrl", "shipmentStatus", "deliveredAt",
                "estimatedDeliveryAt");
        assertThat(fields(o.get("refunds").get(0))).containsExactly("createdAt", "amount");
        assertThat(shown.get("status").asText()).isEqualTo("ok");
        assertThat(shown.get("fetchedAt").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(o.get("matchedBy").toString()).isEqualTo("[\"email\",\"orderNumber\"]");
        assertThat(o.get("fulfillments").get(0).get("trackingNumber").asText()).isEqualTo("JD014600006281230");
        assertThat(shown.get("customer").get("ordersCount").asLong()).isEqualTo(4);
    }
}
