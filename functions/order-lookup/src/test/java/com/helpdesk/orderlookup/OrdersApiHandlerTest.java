package com.helpdesk.orderlookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderDirectory;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderLookup;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The stores admin API driven by real-shaped API Gateway events (events/api), against DynamoDB Local. */
class OrdersApiHandlerTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static final Map<String, String> ssm = new ConcurrentHashMap<>();
    private static OrdersApiHandler handler;
    private static int table;
    private static FakeDirectory directory;
    private static TicketDesk desk;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @BeforeEach
    void freshTable() {
        String name = "tickets" + (++table);
        client.createTable(TableSchema.createTableRequest(name));
        ssm.clear();
        Clock clock = Clock.systemUTC();
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(client, name);
        directory = new FakeDirectory();
        desk = TicketDesk.wire(repository, new UlidGenerator(clock), clock);
        handler = new OrdersApiHandler(new StoreService(new DynamoDbStoreRepository(client, name), new MapSecrets(), "/helpdesk/test"),
                new OrderLookup(directory, new DynamoDbOrderContexts(client, name), Duration.ofMinutes(10), clock),
                desk.queries());
    }

    static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(ROOT.resolve("events/api/" + name).toString());
    }

    static APIGatewayV2HTTPEvent storeRequest(String method, String storeId, String body) {
        APIGatewayV2HTTPEvent e = sample("put-store.json");
        String route = storeId == null ? method + " /stores" : method + " /stores/{storeId}";
        String path = storeId == null ? "/stores" : "/stores/" + storeId;
        e.setRouteKey(route);
        e.getRequestContext().setRouteKey(route);
        e.getRequestContext().getHttp().setMethod(method);
        e.setRawPath(path);
        e.getRequestContext().getHttp().setPath(path);
        e.setPathParameters(storeId == null ? null : new HashMap<>(Map.of("storeId", storeId)));
        e.setBody(body);
        return e;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    @Test
    void theSampleRegistersAStoreWhoseSecretsGoToSsmAndAreNeverReturned() throws Exception {
        APIGatewayV2HTTPResponse created = handler.handle(sample("put-store.json"), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/stores/demo");
        assertThat(ssm).containsEntry("/helpdesk/test/stores/demo/adminApiToken", "shpat_0123456789abcdef0123456789abcdef")
                .containsEntry("/helpdesk/test/stores/demo/webhookSecret", "whsec_demo_0123456789");
        JsonNode store = json(created);
        assertThat(store.get("shopDomain").asText()).isEqualTo("demo.myshopify.com");
        assertThat(store.get("default").asBoolean()).isTrue();
        assertThat(store.get("secretsSet").toString()).isEqualTo("[\"adminApiToken\",\"webhookSecret\"]");
        assertThat(store.get("webhookPath").asText()).isEqualTo("/webhooks/shopify/demo");

        for (APIGatewayV2HTTPResponse read : List.of(handler.handle(storeRequest("GET", "demo", null), null),
                handler.handle(storeRequest("GET", null, null), null), created)) {
            assertThat(read.getStatusCode()).isEqualTo(200 + (read == created ? 1 : 0));
            assertThat(read.getBody()).doesNotContain("shpat_").doesNotContain("whsec_");
        }
        assertThat(json(handler.handle(storeRequest("GET", null, null), null)).get("items")).hasSize(1);

        APIGatewayV2HTTPResponse renamed = handler.handle(storeRequest("PUT", "demo",
                "{\"name\":\"Demo Outdoor EU\",\"shopDomain\":\"demo.myshopify.com\",\"default\":true}"), null);
        assertThat(renamed.getStatusCode()).as("an update without secrets keeps them").isEqualTo(200);
        assertThat(ssm).containsKey("/helpdesk/test/stores/demo/adminApiToken");

        assertThat(handler.handle(storeRequest("DELETE", "demo", null), null).getStatusCode()).isEqualTo(204);
        assertThat(ssm).isEmpty();
        assertThat(handler.handle(storeRequest("GET", "demo", null), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aStoreTurnsTheWismoAutoAnswerOnAndAPutWithoutItTurnsItOff() throws Exception {
        String secrets = ",\"secrets\":{\"adminApiToken\":\"shpat_x\",\"webhookSecret\":\"whsec_x\"}";
        APIGatewayV2HTTPResponse on = handler.handle(storeRequest("PUT", "demo",
                "{\"name\":\"Demo\",\"shopDomain\":\"demo.myshopify.com\",\"autoAnswer\":{\"wismo\":true}" + secrets + "}"), null);
        assertThat(on.getStatusCode()).as(on.getBody()).isEqualTo(201);
        assertThat(json(on).get("autoAnswer").toString()).isEqualTo("{\"wismo\":true}");
        assertThat(json(handler.handle(storeRequest("GET", "demo", null), null)).get("autoAnswer").get("wismo").asBoolean()).isTrue();

        APIGatewayV2HTTPResponse off = handler.handle(storeRequest("PUT", "demo", "{\"name\":\"Demo\",\"shopDomain\":\"demo.myshopify.com\"}"), null);
        assertThat(json(off).get("autoAnswer").get("wismo").asBoolean()).as("a PUT replaces the store").isFalse();

        APIGatewayV2HTTPResponse bad = handler.handle(storeRequest("PUT", "demo",
                "{\"name\":\"Demo\",\"shopDomain\":\"demo.myshopify.com\",\"autoAnswer\":{\"wismo\":\"yes\",\"returns\":true}}"), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("autoAnswer.wismo").contains("autoAnswer.returns").doesNotContain("com.");
        APIGatewayV2HTTPResponse notAnObject = handler.handle(storeRequest("PUT", "demo",
                "{\"name\":\"Demo\",\"shopDomain\":\"demo.myshopify.com\",\"autoAnswer\":true}"), null);
        assertThat(notAnObject.getBody()).contains("autoAnswer").contains("must be an object");
        assertThat(json(handler.handle(storeRequest("GET", "demo", null), null)).get("autoAnswer").get("wismo").asBoolean()).isFalse();
    }

    @Test
    void everyWrongFieldIsNamedInOneProblemAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handle(storeRequest("PUT", "Demo_Shop",
                "{\"name\":\"\",\"shopDomain\":\"shop.example.com\",\"default\":\"yes\",\"secrets\":{\"adminApiToken\":\"t\"},\"apiKey\":\"x\"}"), null);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(r.getBody()).contains("default").contains("apiKey").doesNotContain("Jackson").doesNotContain("com.");
        APIGatewayV2HTTPResponse invalid = handler.handle(storeRequest("PUT", "Demo_Shop",
                "{\"name\":\"\",\"shopDomain\":\"shop.example.com\",\"secrets\":{\"adminApiToken\":\"t\"}}"), null);
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("storeId").contains("name").contains("shopDomain").contains("webhookSecret");
        assertThat(ssm).isEmpty();
        assertThat(json(handler.handle(storeRequest("GET", null, null), null)).get("items")).isEmpty();
    }

    @Test
    void storesAreForAdminsOnly() {
        APIGatewayV2HTTPEvent asAgent = sample("put-store.json");
        asAgent.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[agent]");
        assertThat(handler.handle(asAgent, null).getStatusCode()).isEqualTo(403);
        assertThat(ssm).isEmpty();
    }

    private static APIGatewayV2HTTPEvent customer(String raw, String query) {
        APIGatewayV2HTTPEvent e = sample("get-customer.json");
        e.setRawPath("/customers/" + raw);
        e.getRequestContext().getHttp().setPath("/customers/" + raw);
        // API Gateway hands the parameter decoded: %2B is the phone number's '+'
        e.setPathParameters(new HashMap<>(Map.of("customer", java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))));
        if (query != null) {
            e.setRawQueryString(query);
            e.setQueryStringParameters(new HashMap<>(Map.of(query.split("=")[0], query.split("=")[1])));
        }
        return e;
    }

    private static void ticketOf(String email, String phone, String subject) {
        desk.commands().create(new NewTicket(subject, new Requester(email, phone, null, null), Channel.EMAIL, null, null, null, null, null,
                "Hello", null, null, null), Actor.agent("alice"), null);
    }

    @Test
    void aCustomersProfileHasTheirTicketsAndTheirShopifyCustomerAndOrdersThroughTheCache() throws Exception {
        handler.handle(sample("put-store.json"), null);
        ticketOf("ana@example.com", null, "Where is my order?");
        ticketOf("ana@example.com", null, "Return label");
        ticketOf("ben@example.com", null, "Not Ana's");

        APIGatewayV2HTTPResponse r = handler.handle(sample("get-customer.json"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode profile = json(r);
        assertThat(profile.get("customer").asText()).isEqualTo("ana@example.com");
        assertThat(profile.get("tickets")).hasSize(2);
        JsonNode shopify = profile.get("shopify");
        assertThat(shopify.get("store").asText()).isEqualTo("demo");
        assertThat(shopify.get("status").asText()).isEqualTo("ok");
        assertThat(shopify.get("customer").get("name").asText()).isEqualTo("Ana Demo");
        assertThat(shopify.get("orders").get(0).get("name").asText()).isEqualTo("#1001");
        assertThat(shopify.get("orders").get(0).get("matchedBy").toString()).isEqualTo("[\"email\"]");

        int calls = directory.calls;
        assertThat(handler.handle(customer("ANA@example.com", null), null).getStatusCode()).isEqualTo(200);
        assertThat(directory.calls).as("the second profile comes from the cache").isEqualTo(calls);
    }

    @Test
    void aCustomerFoundByPhoneAndAShopThatFailsShowsTheTicketsAndTheReason() throws Exception {
        handler.handle(sample("put-store.json"), null);
        ticketOf(null, "+4915112345678", "Called about #1001");
        directory.failure = new OrderDirectoryException(OrderDirectoryException.Kind.UNAUTHORIZED,
                "shopify: demo.myshopify.com refused the Admin API token (401); check the store's adminApiToken");
        JsonNode profile = json(handler.handle(customer("%2B4915112345678", null), null));
        assertThat(profile.get("customer").asText()).isEqualTo("+4915112345678");
        assertThat(profile.get("tickets")).hasSize(1);
        assertThat(profile.get("shopify").get("status").asText()).isEqualTo("unavailable");
        assertThat(profile.get("shopify").get("reason").asText()).contains("(401)");
    }

    @Test
    void aProfileNamesWhatIsWrongAndWorksWithoutAStore() throws Exception {
        APIGatewayV2HTTPResponse bad = handler.handle(customer("not-a-customer", null), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("\"customer\"");
        assertThat(handler.handle(customer("ana@example.com", "store=nope"), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handle(customer("ana@example.com", "sort=new"), null).getStatusCode()).isEqualTo(400);
        JsonNode noStore = json(handler.handle(customer("ana@example.com", null), null));
        assertThat(noStore.get("shopify").isNull()).isTrue();
        assertThat(noStore.get("tickets")).isEmpty();
    }

    @Test
    void pathParametersNoStoreOrIndexCouldHoldAreRefusedNamingThem() throws Exception {
        for (String bad : List.of("x".repeat(3000), "ab\r\ncd", "")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                APIGatewayV2HTTPResponse r = handler.handle(storeRequest(method, bad, method.equals("PUT") ? "{}" : null), null);
                assertThat(r.getStatusCode()).as(method + " /stores/" + bad.length()).isEqualTo(400);
                assertThat(json(r).get("errors").findValuesAsText("field")).contains("storeId");
            }
            APIGatewayV2HTTPEvent e = customer("a", null);
            e.setPathParameters(new HashMap<>(Map.of("customer", bad)));
            APIGatewayV2HTTPResponse r = handler.handle(e, null);
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(json(r).get("errors").findValuesAsText("field")).contains("customer");
            assertThat(r.getBody()).doesNotContainIgnoringCase("jackson").doesNotContain("Exception");
        }
    }

    static final class MapSecrets implements SecretStore {
        @Override public void put(String name, String value) { ssm.put(name, value); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(ssm.get(name)); }
        @Override public void delete(String name) { ssm.remove(name); }
    }

    /** A shop with Ana Demo and her orders; {@code failure} makes every call fail as Shopify would. */
    static final class FakeDirectory implements OrderDirectory {
        static final ShopCustomer ANA = new ShopCustomer("gid://shopify/Customer/1", "Ana Demo", "ana@example.com", "+4915112345678", 2,
                "179.80", "EUR", List.of("vip"));
        static final ShopOrder O1001 = new ShopOrder("gid://shopify/Order/1", "#1001", Instant.parse("2026-11-20T09:00:00Z"), "PAID",
                "FULFILLED", null, "89.90", "EUR", List.of(), null, List.of(), List.of(), List.of());
        OrderDirectoryException failure;
        int calls;

        @Override public Found byEmail(Store store, String email) throws OrderDirectoryException {
            calls++;
            if (failure != null) throw failure;
            return email.equals(ANA.email()) ? new Found(ANA, List.of(O1001)) : Found.NONE;
        }

        @Override public Found byPhone(Store store, String phone) throws OrderDirectoryException {
            calls++;
            if (failure != null) throw failure;
            return phone.equals(ANA.phone()) ? new Found(ANA, List.of(O1001)) : Found.NONE;
        }

        @Override public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
            throw new AssertionError("a profile names no orders");
        }
    }
}
