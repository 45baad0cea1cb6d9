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

/** GET /tickets/{id} with its intent and PATCH /tickets/{id} with intent (an agent's correction), against DynamoDB Local. */
class TicketIntentTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static TicketApiHandler handler;
    private static com.helpdesk.core.triage.IntentTriage triage;
    private static com.helpdesk.core.service.TicketQueries tickets;
    private static com.helpdesk.core.triage.IntentPrediction prediction;

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
        triage = new com.helpdesk.core.triage.IntentTriage((subject, text) -> prediction, new com.helpdesk.core.triage.IntentPolicy(0.6),
                new com.helpdesk.core.triage.IntentRecords(new com.helpdesk.store.DynamoDbTicketIntents(client, "tickets"), ids, clock));
        tickets = desk.queries();
        handler = new TicketApiHandler(desk,
                new CsatService(repository, new CsatToken("csat-key-for-tests-0123456789abcd".getBytes(java.nio.charset.StandardCharsets.UTF_8)), ids, clock, Duration.ofDays(7)),
                null, new ChannelService(new DynamoDbChannelRepository(client, "tickets"), new TicketApiHandlerTest.InMemorySecrets(), "/helpdesk/test", clock),
                new com.helpdesk.core.sla.TicketSlaQueries(new com.helpdesk.store.DynamoDbSlaTicketReads(client, "tickets"),
                        new com.helpdesk.core.sla.SlaSettings(new com.helpdesk.store.DynamoDbSlaSettings(client, "tickets"),
                                java.time.ZoneOffset.UTC), clock),
                new OrderContextReads(new DynamoDbOrderContexts(client, "tickets"), new DynamoDbStoreRepository(client, "tickets")),
                new com.helpdesk.core.triage.IntentRecords(new RacedByTriage(new com.helpdesk.store.DynamoDbTicketIntents(client, "tickets")), ids, clock));
    }

    /** When armed, triage classifies the ticket again just before the agent's correction is written: a lost race. */
    private static volatile boolean triageRacesNextCorrection;

    private record RacedByTriage(com.helpdesk.core.triage.TicketIntents stored) implements com.helpdesk.core.triage.TicketIntents {
        @Override
        public java.util.Optional<Stored> find(String ticketId) {
            return stored.find(ticketId);
        }

        @Override
        public void save(com.helpdesk.core.triage.Intent intent, long expectedVersion, com.helpdesk.core.port.TicketWrite classification) {
            if (triageRacesNextCorrection) {
                triageRacesNextCorrection = false;
                String id = classification.previous().id();
                prediction = said(com.helpdesk.core.triage.IntentName.DAMAGE_CLAIM, 0.9);
                triage.classify(tickets.get(id).ticket(), "Order", "where is my parcel", null);
            }
            stored.save(intent, expectedVersion, classification);
        }
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

    private static APIGatewayV2HTTPResponse patch(String id, String body) {
        return patch(id, body, null);
    }

    private static APIGatewayV2HTTPResponse patch(String id, String body, String ifMatch) {
        APIGatewayV2HTTPEvent e = sample("patch-ticket.json");
        e.setPathParameters(new java.util.HashMap<>(Map.of("id", id)));
        e.setRawPath(e.getRawPath().replaceAll("/tickets/[^/]+", "/tickets/" + id));
        e.getHeaders().remove("if-match");
        if (ifMatch != null) e.getHeaders().put("if-match", ifMatch);
        e.setBody(body);
        return handler.handle(e, null);
    }

    private static com.helpdesk.core.triage.IntentPrediction said(com.helpdesk.core.triage.IntentName best, double p) {
        List<com.helpdesk.core.triage.IntentScore> scores = new java.util.ArrayList<>();
        for (com.helpdesk.core.triage.IntentName n : com.helpdesk.core.triage.IntentName.values()) {
            scores.add(new com.helpdesk.core.triage.IntentScore(n, n == best ? p : (1 - p) / 13));
        }
        return new com.helpdesk.core.triage.IntentPrediction(scores, "en", "maxent-test");
    }

    @Test
    void theIntentIsShownAndAnAgentsPatchIsRecordedAsACorrectionWithWhatTheModelSaid() throws Exception {
        String id = Json.mapper().readTree(handler.handle(sample("create-ticket.json"), null).getBody()).get("id").asText();
        APIGatewayV2HTTPResponse before = get(id, null);
        assertThat(Json.mapper().readTree(before.getBody()).get("intent").isNull()).isTrue();

        prediction = said(com.helpdesk.core.triage.IntentName.WISMO, 0.83);
        triage.classify(tickets.get(id).ticket(), "Order", "where is my order #1001", null);
        JsonNode auto = Json.mapper().readTree(get(id, null).getBody());
        assertThat(auto.get("intent").get("name").asText()).isEqualTo("wismo");
        assertThat(auto.get("intent").get("source").asText()).isEqualTo("auto");
        assertThat(auto.get("intent").get("model").asText()).isEqualTo("maxent-test");
        assertThat(auto.get("tags").toString()).contains("intent:wismo");

        APIGatewayV2HTTPResponse patched = patch(id, "{\"intent\":\"missing_item\"}");
        assertThat(patched.getStatusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(patched.getBody()).get("tags").toString()).contains("intent:missing_item").doesNotContain("intent:wismo");
        JsonNode corrected = Json.mapper().readTree(get(id, null).getBody()).get("intent");
        assertThat(corrected.get("name").asText()).isEqualTo("missing_item");
        assertThat(corrected.get("source").asText()).isEqualTo("agent");
        assertThat(corrected.get("correction").get("modelSaid").asText()).isEqualTo("wismo");
        assertThat(corrected.get("correction").get("modelConfidence").asDouble()).isEqualTo(0.83);
    }

    @Test
    void anUnknownOrClearedIntentIsA400NamingTheField() throws Exception {
        String id = Json.mapper().readTree(handler.handle(sample("create-ticket.json"), null).getBody()).get("id").asText();

        APIGatewayV2HTTPResponse unknown = patch(id, "{\"intent\":\"refund\"}");
        APIGatewayV2HTTPResponse cleared = patch(id, "{\"intent\":null}");

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getBody()).contains("intent").contains("refund_status");
        assertThat(cleared.getStatusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(get(id, null).getBody()).get("intent").isNull()).isTrue();
    }

    @Test
    void theVersionReadWithTheIntentIsTheOneIfMatchNeedsAndAnIntentAloneHonoursIfMatch() throws Exception {
        String id = Json.mapper().readTree(handler.handle(sample("create-ticket.json"), null).getBody()).get("id").asText();
        String created = get(id, null).getHeaders().get("ETag");
        prediction = said(com.helpdesk.core.triage.IntentName.WISMO, 0.83);
        triage.classify(tickets.get(id).ticket(), "Order", "where is my order #1001", null);

        APIGatewayV2HTTPResponse classified = get(id, null);
        JsonNode shown = Json.mapper().readTree(classified.getBody());
        assertThat(shown.get("intent").get("name").asText()).isEqualTo("wismo");
        assertThat(shown.get("tags").toString()).contains("intent:wismo");
        APIGatewayV2HTTPResponse stale = patch(id, "{\"intent\":\"missing_item\"}", created);
        assertThat(stale.getStatusCode()).as("the classification was a new version").isEqualTo(412);
        APIGatewayV2HTTPResponse ok = patch(id, "{\"priority\":\"high\"}", classified.getHeaders().get("ETag"));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(200);
    }

    @Test
    void aCorrectionWithoutIfMatchIsNotRefusedWhenTriageClassifiesTheTicketMeanwhile() throws Exception {
        String id = Json.mapper().readTree(handler.handle(sample("create-ticket.json"), null).getBody()).get("id").asText();
        prediction = said(com.helpdesk.core.triage.IntentName.WISMO, 0.83);
        triage.classify(tickets.get(id).ticket(), "Order", "where is my order #1001", null);

        triageRacesNextCorrection = true;
        APIGatewayV2HTTPResponse patched = patch(id, "{\"intent\":\"missing_item\"}");

        assertThat(triageRacesNextCorrection).as("triage raced the correction").isFalse();
        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        JsonNode shown = Json.mapper().readTree(get(id, null).getBody());
        assertThat(shown.get("intent").get("name").asText()).isEqualTo("missing_item");
        assertThat(shown.get("intent").get("source").asText()).isEqualTo("agent");
        assertThat(shown.get("tags").toString()).contains("intent:missing_item").doesNotContain("intent:wismo").doesNotContain("intent:damage_claim");
        assertThat(shown.get("intent").get("correction").get("modelSaid").asText()).as("what the model said last").isEqualTo("damage_claim");
    }
}
