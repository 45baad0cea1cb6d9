package com.helpdesk.slaadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketSla;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SLA admin function driven by the real-shaped events in events/api, against DynamoDB Local. */
class SlaAdminHandlerTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static final Instant NOW = Instant.parse("2026-11-30T09:40:00Z");
    private static DynamoDbLocal dynamo;
    private static SlaAdminHandler handler;
    private static SlaSettings settings;
    private static DynamoDbTicketSla tickets;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(TableSchema.createTableRequest("sla"));
        settings = new SlaSettings(new DynamoDbSlaSettings(client, "sla"), ZoneId.of("Europe/Berlin"));
        tickets = new DynamoDbTicketSla(client, "sla");
        handler = new SlaAdminHandler(settings, tickets, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(ROOT.resolve("events/api/" + name).toString());
    }

    private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent e, String body) {
        e.setBody(body);
        return e;
    }

    private static APIGatewayV2HTTPEvent asAgent(APIGatewayV2HTTPEvent e) {
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[agent]");
        return e;
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        return handler.handle(e, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    private static List<String> fields(APIGatewayV2HTTPResponse r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        return json(r).get("errors").findValuesAsText("field");
    }

    @Test
    void adminsWriteCalendarsAndPoliciesAgentsReadThemAndPreviewUsesTheClockArithmetic() throws Exception {
        APIGatewayV2HTTPResponse put = call(sample("put-business-hours.json"));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(json(put).get("weekly").get("mon").toString()).isEqualTo("[[\"09:00\",\"12:30\"],[\"13:30\",\"18:00\"]]");
        assertThat(call(asAgent(sample("put-business-hours.json"))).getStatusCode()).isEqualTo(403);

        // Wed 23 Dec 16:00: 2 h that day, two holidays, a closed weekend, 1 h on Monday
        APIGatewayV2HTTPResponse preview = call(asAgent(sample("preview-business-hours.json")));
        assertThat(json(preview).get("dueAt").asText()).as(preview.getBody()).isEqualTo("2026-12-28T10:00:00+01:00");
        APIGatewayV2HTTPResponse span = call(withBody(sample("preview-business-hours.json"),
                "{\"from\":\"2026-12-21T09:00:00+01:00\",\"to\":\"2026-12-21T17:30:00+01:00\"}"));
        assertThat(json(span).get("businessTime").asText()).isEqualTo("PT7H30M");
        assertThat(fields(call(withBody(sample("preview-business-hours.json"), "{\"start\":\"0001-01-01T00:00:00Z\",\"add\":\"P400D\"}"))))
                .containsExactly("start", "add");

        APIGatewayV2HTTPResponse policy = call(sample("put-sla-policy.json"));
        assertThat(policy.getStatusCode()).as(policy.getBody()).isEqualTo(200);
        assertThat(json(call(asAgent(sample("put-sla-policy.json")))).get("status").asInt()).isEqualTo(403);
        APIGatewayV2HTTPEvent list = sample("get-ticket-sla.json");
        list.setRouteKey("GET /sla-policies");
        assertThat(json(call(list)).get("items").findValuesAsText("id")).contains("urgent-email");

        APIGatewayV2HTTPResponse inUse = call(sample("delete-business-hours.json"));
        assertThat(inUse.getStatusCode()).isEqualTo(409);
        assertThat(inUse.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(json(inUse).get("detail").asText()).contains("urgent-email");
    }

    @Test
    void badCalendarsAndPoliciesAreRefusedNamingTheField() throws Exception {
        assertThat(fields(call(withBody(sample("put-business-hours.json"),
                "{\"name\":\"x\",\"timezone\":\"Mars/Olympus_Mons\",\"weekly\":{\"mon\":[[\"09:00\",\"12:30\"],[\"12:00\",\"18:00\"]]},\"holidays\":[\"2026-02-30\"]}"))))
                .containsExactlyInAnyOrder("timezone", "weekly.mon[1]", "holidays[0]");
        assertThat(fields(call(withBody(sample("put-sla-policy.json"),
                "{\"name\":\"x\",\"order\":1,\"businessHours\":\"nowhere\",\"targets\":{\"firstResponse\":\"PT1H\"}}"))))
                .containsExactly("businessHours");
        assertThat(call(withBody(sample("put-sla-policy.json"), "not json")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void aTicketsSlaShowsTheViewAndTheLedger() throws Exception {
        APIGatewayV2HTTPResponse none = call(sample("get-ticket-sla.json"));
        assertThat(none.getStatusCode()).isEqualTo(404);
        SlaTimer timer = new SlaTimer(settings, tickets, new SlaActions() {
            @Override public java.util.Optional<com.helpdesk.core.ticket.Status> statusNow(String t) { return java.util.Optional.of(com.helpdesk.core.ticket.Status.OPEN); }
            @Override public void escalate(String t, String g, String r) { }
            @Override public void tag(String t, String tag) { }
            @Override public void notApplied(String t, String reason) { }
        }, p -> p + "_1");
        timer.apply(new DomainEvent("evt_c", "TicketCreated", "tkt_01kamc4v8z9r3s5t7w2y6x0q1b", 1042, Instant.parse("2026-11-30T09:00:00Z"),
                Actor.agent("alice"), Map.of("status", "new", "priority", "normal", "channel", "phone", "tags", List.of())));
        JsonNode sla = json(call(sample("get-ticket-sla.json")));
        assertThat(sla.get("policy").asText()).isEqualTo("default");
        assertThat(sla.get("sla").get("firstResponse").get("state").asText()).isEqualTo("active");
        assertThat(sla.get("sla").get("firstResponse").get("remaining").asText()).isEqualTo("PT7H20M");
        assertThat(sla.get("ledger").findValuesAsText("kind")).containsExactly("start", "start");
        assertThat(sla.get("ledger").get(0).get("cause").asText()).isEqualTo("TicketCreated");
    }

    @Test
    void pathIdsAreCheckedByTheRouterAsCalendarOrPolicyIdsAndTicketRefs() throws Exception {
        for (String name : List.of("put-business-hours.json", "put-sla-policy.json")) {
            APIGatewayV2HTTPEvent e = sample(name);
            e.getPathParameters().put("id", "EU_Support\r\n");
            assertThat(fields(call(e))).as(name).containsExactly("id");
        }
        APIGatewayV2HTTPEvent ticket = sample("get-ticket-sla.json");
        ticket.getPathParameters().put("id", "default");
        APIGatewayV2HTTPResponse refused = call(ticket);
        assertThat(fields(refused)).containsExactly("id");
        assertThat(json(refused).get("detail").asText()).contains("ticket id");
    }
}
