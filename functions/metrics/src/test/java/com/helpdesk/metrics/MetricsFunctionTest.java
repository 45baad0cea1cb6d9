package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.HeadlineFigures;
import com.helpdesk.core.metrics.MetricsDefinitions;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbMetricsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue handler and the API against DynamoDB Local, fed the catalog's sample events (events/bus)
 * reshaped into one small day: every event twice and shuffled, then read back over the API.
 */
class MetricsFunctionTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static MetricsHandler handler;
    /** What the handler told the dashboard's metrics, in order. */
    private static final List<HeadlineFigures> EMITTED = Collections.synchronizedList(new ArrayList<>());
    private static MetricsApiHandler api;
    private static DynamoDbMetricsStore store;

    @BeforeAll
    static void start() throws Exception {
        dynamo = DynamoDbLocal.start(0);
        client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build();
        client.createTable(b -> b.tableName("metrics").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build()));
        store = new DynamoDbMetricsStore(client, "metrics");
        handler = new MetricsHandler(new MetricsService(store, new MetricsDefinitions(ZONE, AroundTheClock.INSTANCE)), EMITTED::add,
                org.mockito.Mockito.mock(com.helpdesk.queue.DeadLetters.class));
        api = new MetricsApiHandler(new MetricsQuery(store, ZONE));
        List<String> bodies = new ArrayList<>(scenario());
        bodies.addAll(scenario());
        Collections.shuffle(bodies, new Random(3));
        SQSBatchResponse r = handler.handle(sqs(bodies), null);
        assertThat(r.getBatchItemFailures()).isEmpty();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    /** Ticket 1042 (phone, by alice): created 09:00 UTC, alice replies 09:20, corrects its intent, resolves 10:00, the customer rates 4. */
    private static List<String> scenario() throws Exception {
        List<String> out = new ArrayList<>();
        out.add(sample("TicketCreated", "evt_1", "2026-11-22T09:00:00.000Z", "agent", "alice", d -> { }));
        out.add(sample("MessageAdded", "evt_2", "2026-11-22T09:00:00.000Z", "agent", "alice", d -> { })); // the opening (phone) message
        out.add(sample("MessageAdded", "evt_3", "2026-11-22T09:20:00.000Z", "agent", "alice", d -> { }));
        out.add(sample("StatusChanged", "evt_4", "2026-11-22T10:00:00.000Z", "agent", "alice", d -> d.put("from", "open").put("to", "resolved")));
        out.add(sample("CsatReceived", "evt_5", "2026-11-22T11:00:00.000Z", "customer", "jane.doe@example.com", d -> d.put("rating", 4)));
        out.add(sample("DeliveryUpdated", "evt_6", "2026-11-22T09:20:01.000Z", "system", "outbound-email", d -> { }));
        // firstResponse met by the reply at 09:20; resolution breached at 09:45 (before the resolve at 10:00)
        out.add(sample("SlaMet", "evt_7", "2026-11-22T09:20:00.000Z", "system", "sla-timer", d -> d.put("target", "firstResponse")));
        out.add(sample("SlaBreached", "evt_8", "2026-11-22T09:45:00.000Z", "system", "sla-timer", d -> d.put("target", "resolution")));
        // triage says wismo; alice corrects it to missing_item (IntentClassified with source agent): the ticket counts there
        out.add(sample("IntentClassified", "evt_9", "2026-11-22T09:00:02.000Z", "system", "triage", d -> { }));
        out.add(sample("IntentClassified", "evt_10", "2026-11-22T09:25:00.000Z", "agent", "alice",
                d -> d.put("name", "missing_item").put("source", "agent").put("confidence", 1).put("tag", "intent:missing_item")));
        // the order lookup read the customer's orders from the store "main": the store dimension
        out.add(sample("OrderContextUpdated", "evt_11", "2026-11-22T09:00:03.000Z", "system", "order-lookup", d -> { }));
        return out;
    }

    private interface DataChange {
        void apply(ObjectNode data);
    }

    private static String sample(String type, String eventId, String at, String actorType, String actorId, DataChange change) throws Exception {
        ObjectNode event = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/" + type + ".json")));
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("eventId", eventId).put("occurredAt", at);
        ((ObjectNode) detail.get("actor")).put("type", actorType).put("id", actorId);
        change.apply((ObjectNode) detail.get("data"));
        return Json.mapper().writeValueAsString(event);
    }

    private static SQSEvent sqs(List<String> bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies.get(i));
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    static APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> query, String role, String subject, String accept) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(routeKey);
        e.setRawPath(routeKey.substring(4));
        e.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        if (accept != null) headers.put("accept", accept);
        e.setHeaders(headers);
        Map<String, String> claims = new HashMap<>(Map.of("sub", subject, "role", role));
        e.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build()).build());
        return api.handle(e, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    @Test
    void theDayReadsBackWithTheIssuesFieldNames() throws Exception {
        APIGatewayV2HTTPResponse r = get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-23"), "lead", "lena", null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("timezone").asText()).isEqualTo("Europe/Berlin");
        JsonNode day = doc.get("series").get(0);
        assertThat(Json.mapper().convertValue(day, Map.class).keySet()).containsExactly("key", "created", "resolved", "reopened", "escalated",
                "firstResponse", "firstResponseBusiness", "resolution", "resolutionPerCycle", "csat", "sla", "ai", "backlog");
        assertThat(day.get("resolutionPerCycle").get("count").asLong()).as("one cycle, never reopened").isEqualTo(1);
        assertThat(day.get("firstResponseBusiness").toString()).as("no SLA calendar in this test: around the clock")
                .isEqualTo("{\"count\":1,\"median\":1200,\"p90\":1200,\"p95\":1200}");
        assertThat(day.get("key").asText()).isEqualTo("2026-11-22");
        assertThat(day.get("created").asLong()).isEqualTo(1);
        assertThat(day.get("resolved").asLong()).isEqualTo(1);
        assertThat(day.get("firstResponse").toString()).isEqualTo("{\"count\":1,\"median\":1200,\"p90\":1200,\"p95\":1200}");
        assertThat(day.get("resolution").get("median").asLong()).as("3,600 s within the sketch's 0.1%").isBetween(3597L, 3600L);
        assertThat(day.get("csat").toString()).isEqualTo("{\"responses\":1,\"average\":4.0,\"satisfiedShare\":1.0}");
        assertThat(day.get("sla").toString()).as("from SlaMet and SlaBreached").isEqualTo("{\"met\":1,\"breached\":1,\"byTarget\":{"
                + "\"firstResponse\":{\"met\":1,\"breached\":0},\"nextResponse\":{\"met\":0,\"breached\":0},"
                + "\"resolution\":{\"met\":0,\"breached\":1}}}");
        assertThat(doc.get("series").get(1).get("created").asLong()).as("an empty day is a row of zeros").isZero();
    }

    @Test
    void theTicketCountsUnderItsCorrectedIntent() throws Exception {
        JsonNode byIntent = json(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "intent"), "lead", "lena", null));
        assertThat(byIntent.get("series")).as(byIntent.toString()).hasSize(1);
        assertThat(byIntent.get("series").get(0).get("key").asText()).isEqualTo("missing_item");
        assertThat(byIntent.get("series").get(0).get("resolved").asLong()).isEqualTo(1);
        JsonNode wismo = json(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "intent", "wismo"), "lead", "lena", null));
        assertThat(wismo.get("series").get(0).get("created").asLong()).as("triage's answer, corrected").isZero();
        JsonNode corrected = json(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "intent", "missing_item"), "lead", "lena", null));
        assertThat(corrected.get("series").get(0).get("created").asLong()).isEqualTo(1);
    }

    @Test
    void theTicketCountsUnderTheStoreItsOrdersWereReadFrom() throws Exception {
        JsonNode byStore = json(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "store"), "lead", "lena", null));
        assertThat(byStore.get("series")).as(byStore.toString()).hasSize(1);
        assertThat(byStore.get("series").get(0).get("key").asText()).isEqualTo("main");
        assertThat(byStore.get("series").get(0).get("created").asLong()).isEqualTo(1);
    }

    @Test
    void agentsReadTheirOwnRowAndLeadsAll() throws Exception {
        JsonNode lead = json(get("GET /metrics/agents", Map.of("from", "2026-11-22", "to", "2026-11-22"), "admin", "root", null));
        assertThat(lead.get("agents")).hasSize(1);
        assertThat(lead.get("agents").get(0).get("agent").asText()).isEqualTo("alice");
        assertThat(lead.get("agents").get(0).get("oneTouch").asLong()).isEqualTo(1);
        assertThat(json(get("GET /metrics/agents", Map.of("from", "2026-11-22", "to", "2026-11-22"), "agent", "bob", null)).get("agents")).isEmpty();
        assertThat(json(get("GET /metrics/agents", Map.of("from", "2026-11-22", "to", "2026-11-22"), "agent", "alice", null)).get("agents")).hasSize(1);
        assertThat(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22"), "agent", "alice", null).getStatusCode()).isEqualTo(403);
        assertThat(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "agent", "alice"), "agent", "alice", null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void csatOnRequest() {
        APIGatewayV2HTTPResponse r = get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "channel"), "lead", "lena", "text/csv");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("text/csv");
        assertThat(r.getBody()).startsWith("key,created,resolved,reopened,escalated,firstResponse.count,firstResponse.median,")
                .contains("\r\nphone,1,1,0,0,1,1200,1200,1200,")
                .contains(",backlog.total,backlog.new,backlog.open,backlog.pending,backlog.ages.under1d,backlog.ages.1to3d,"
                        + "backlog.ages.3to7d,backlog.ages.over7d,backlog.takenAt\r\n");
    }

    @Test
    void aDaysRowCarriesTheBacklogCensusOfThatDay() throws Exception {
        store.putBacklog(List.of(new Backlog(java.time.LocalDate.parse("2026-11-21"), "all#all", java.time.Instant.parse("2026-11-21T22:59:00Z"),
                2, 5, 1, Map.of(Backlog.Age.UNDER_1_DAY, 6L, Backlog.Age.OVER_7_DAYS, 2L))));
        JsonNode series = json(get("GET /metrics", Map.of("from", "2026-11-21", "to", "2026-11-22"), "lead", "lena", null)).get("series");
        JsonNode census = series.get(0).get("backlog");
        assertThat(census.get("total").asLong()).isEqualTo(8);
        assertThat(census.get("open").asLong()).isEqualTo(5);
        assertThat(census.at("/ages/under1d").asLong()).isEqualTo(6);
        assertThat(census.at("/ages/3to7d").asLong()).isZero();
        assertThat(census.get("takenAt").asText()).isEqualTo("2026-11-21T22:59:00Z");
        assertThat(series.get(1).at("/backlog/total").isNull()).as("no census on Nov 22").isTrue();
    }

    @Test
    void badRangesAreProblemsNamingTheField() throws Exception {
        Map<Map<String, String>, String> cases = Map.of(
                Map.of("from", "2026-11-22", "to", "2026-11-01"), "to",
                Map.of("from", "2026-11-22", "to", "2027-11-23"), "to",
                Map.of("from", "22.11.2026", "to", "2026-11-23"), "from",
                Map.of("from", "2026-11-22", "to", "2026-11-23", "groupBy", "month"), "groupBy",
                Map.of("from", "2026-11-22", "to", "2026-11-23", "sort", "x"), "sort");
        for (Map.Entry<Map<String, String>, String> c : cases.entrySet()) {
            APIGatewayV2HTTPResponse r = get("GET /metrics", c.getKey(), "lead", "lena", null);
            assertThat(r.getStatusCode()).as(c.getKey().toString()).isEqualTo(400);
            assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
            assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo(c.getValue());
        }
    }

    @Test
    void aMalformedEventIsDroppedAndARedeliveryChangesNothing() throws Exception {
        SQSBatchResponse r = handler.handle(sqs(List.of("not json", "{\"detail-type\":\"MessageAdded\",\"detail\":{}}", "[1]")), null);
        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(handler.handle(sqs(scenario()), null).getBatchItemFailures()).isEmpty();
        JsonNode doc = json(get("GET /metrics", Map.of("from", "2026-11-22", "to", "2026-11-22"), "lead", "lena", null));
        assertThat(doc.get("series").get(0).get("created").asLong()).isEqualTo(1);
    }

    @Test
    void theHeadlineNumbersAreEmittedOnceThoughEveryEventCameTwiceInAnyOrder() throws Exception {
        handler.handle(sqs(scenario()), null);
        List<HeadlineFigures> emitted = List.copyOf(EMITTED);
        assertThat(emitted).isNotEmpty().extracting(HeadlineFigures::channel).containsOnly("phone");
        assertThat(total(emitted, Counter.CREATED)).isEqualTo(1);
        assertThat(total(emitted, Counter.RESOLVED)).isEqualTo(1);
        assertThat(total(emitted, Counter.CSAT_RESPONSES)).isEqualTo(1);
        assertThat(total(emitted, Counter.SLA_MET)).isEqualTo(1);
        assertThat(total(emitted, Counter.SLA_BREACHED)).isEqualTo(1);
        assertThat(emitted.stream().flatMap(f -> f.durations().getOrDefault(DurationMetric.FIRST_RESPONSE, List.of()).stream()))
                .containsExactly(1200L);
    }

    @Test
    void replayedEventsRebuildIntoAFreshGenerationThatAnswersTheSame() throws Exception {
        Map<String, String> range = Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "channel");
        String before = get("GET /metrics", range, "lead", "lena", null).getBody();
        int emitted = EMITTED.size();
        List<String> replayed = new ArrayList<>();
        for (String body : scenario()) replayed.add(((ObjectNode) Json.mapper().readTree(body)).put("replay-name", "r1").toString());
        assertThat(handler.handle(sqs(replayed), null).getBatchItemFailures()).as("no rebuild in progress: dropped").isEmpty();

        store.saveGenerations(store.generations().begin(java.time.LocalDate.parse("2026-11-20"), null));
        Collections.shuffle(replayed, new Random(5));
        assertThat(handler.handle(sqs(replayed), null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handle(sqs(replayed), null).getBatchItemFailures()).isEmpty();
        store.saveGenerations(store.generations().finish());

        assertThat(store.generations().servingOf(java.time.LocalDate.parse("2026-11-22"))).isPositive();
        assertThat(get("GET /metrics", range, "lead", "lena", null).getBody()).isEqualTo(before);
        assertThat(EMITTED).as("a replay is not new work: nothing for the dashboard").hasSize(emitted);
    }

    private static long total(List<HeadlineFigures> figures, Counter counter) {
        return figures.stream().mapToLong(f -> f.counts().getOrDefault(counter, 0L)).sum();
    }

    @Test
    void snapStartPrimingOfTheQueueReadsAndWritesNothing() {
        int items = client.scan(b -> b.tableName("metrics")).count();

        MetricsPriming.primeQueue(store);

        assertThat(client.scan(b -> b.tableName("metrics")).count()).as("items in the table").isEqualTo(items);
    }
}
