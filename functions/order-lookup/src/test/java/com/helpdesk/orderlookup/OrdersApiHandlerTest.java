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
import com.helpdesk.core.service.TicketDesk;
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
        handler = new OrdersApiHandler(new StoreService(new DynamoDbStoreRepository(client, name), new MapSecrets(), "/helpdesk/test"),
                new OrderLookup(new NoDirectory(), new DynamoDbOrderContexts(client, name), Duration.ofMinutes(10), clock),
                TicketDesk.wire(repository, new UlidGenerator(clock), clock).queries());
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
        APIGatewayV2HTTPResponse created = handler.handleRequest(sample("put-store.json"), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/stores/demo");
        assertThat(ssm).containsEntry("/helpdesk/test/stores/demo/adminApiToken", "shpat_0123456789abcdef0123456789abcdef")
                .containsEntry("/helpdesk/test/stores/demo/webhookSecret", "whsec_demo_0123456789");
        JsonNode store = json(created);
        assertThat(store.get("shopDomain").asText()).isEqualTo("demo.myshopify.com");
        assertThat(store.get("default").asBoolean()).isTrue();
        assertThat(store.get("secretsSet").toString()).isEqualTo("[\"adminApiToken\",\"webhookSecret\"]");
        assertThat(store.get("webhookPath").asText()).isEqualTo("/webhooks/shopify/demo");

        for (APIGatewayV2HTTPResponse read : List.of(handler.handleRequest(storeRequest("GET", "demo", null), null),
                handler.handleRequest(storeRequest("GET", null, null), null), created)) {
            assertThat(read.getStatusCode()).isEqualTo(200 + (read == created ? 1 : 0));
            assertThat(read.getBody()).doesNotContain("shpat_").doesNotContain("whsec_");
        }
        assertThat(json(handler.handleRequest(storeRequest("GET", null, null), null)).get("items")).hasSize(1);

        APIGatewayV2HTTPResponse renamed = handler.handleRequest(storeRequest("PUT", "demo",
                "{\"name\":\"Demo Outdoor EU\",\"shopDomain\":\"demo.myshopify.com\",\"default\":true}"), null);
        assertThat(renamed.getStatusCode()).as("an update without secrets keeps them").isEqualTo(200);
        assertThat(ssm).containsKey("/helpdesk/test/stores/demo/adminApiToken");

        assertThat(handler.handleRequest(storeRequest("DELETE", "demo", null), null).getStatusCode()).isEqualTo(204);
        assertThat(ssm).isEmpty();
        assertThat(handler.handleRequest(storeRequest("GET", "demo", null), null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void everyWrongFieldIsNamedInOneProblemAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handleRequest(storeRequest("PUT", "Demo_Shop",
                "{\"name\":\"\",\"shopDomain\":\"shop.example.com\",\"default\":\"yes\",\"secrets\":{\"adminApiToken\":\"t\"},\"apiKey\":\"x\"}"), null);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(r.getBody()).contains("default").contains("apiKey").doesNotContain("Jackson").doesNotContain("com.");
        APIGatewayV2HTTPResponse invalid = handler.handleRequest(storeRequest("PUT", "Demo_Shop",
                "{\"name\":\"\",\"shopDomain\":\"shop.example.com\",\"secrets\":{\"adminApiToken\":\"t\"}}"), null);
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("storeId").contains("name").contains("shopDomain").contains("webhookSecret");
        assertThat(ssm).isEmpty();
        assertThat(json(handler.handleRequest(storeRequest("GET", null, null), null)).get("items")).isEmpty();
    }

    @Test
    void storesAreForAdminsOnly() {
        APIGatewayV2HTTPEvent asAgent = sample("put-store.json");
        asAgent.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[agent]");
        assertThat(handler.handleRequest(asAgent, null).getStatusCode()).isEqualTo(403);
        assertThat(ssm).isEmpty();
    }

    static final class MapSecrets implements SecretStore {
        @Override public void put(String name, String value) { ssm.put(name, value); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(ssm.get(name)); }
        @Override public void delete(String name) { ssm.remove(name); }
    }

    /** Stores without Shopify: the customer route is not exercised here. */
    static final class NoDirectory implements OrderDirectory {
        @Override public Found byEmail(Store store, String email) throws OrderDirectoryException {
            throw new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "not used");
        }
        @Override public Found byPhone(Store store, String phone) throws OrderDirectoryException {
            throw new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "not used");
        }
        @Override public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
            throw new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "not used");
        }
    }
}
