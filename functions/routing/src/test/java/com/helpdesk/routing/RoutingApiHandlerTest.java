package com.helpdesk.routing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.agents.Agents;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbAgentDirectory;
import com.helpdesk.store.DynamoDbRoutingRules;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents and routing-rules API driven by the real-shaped events in events/api, against DynamoDB Local. */
class RoutingApiHandlerTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static DynamoDbLocal dynamo;
    private static RoutingApiHandler handler;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(TableSchema.createTableRequest("routing"));
        handler = new RoutingApiHandler(new Agents(new DynamoDbAgentDirectory(client, "routing")), new DynamoDbRoutingRules(client, "routing"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(ROOT.resolve("events/api/" + name).toString());
    }

    private static APIGatewayV2HTTPEvent with(APIGatewayV2HTTPEvent e, String routeKey, Map<String, String> path, String body) {
        e.setRouteKey(routeKey);
        e.setPathParameters(path);
        e.setBody(body);
        return e;
    }

    private static APIGatewayV2HTTPEvent as(String role, APIGatewayV2HTTPEvent e) {
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[" + role + "]");
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
    void adminsKeepTheTeamAndAnAgentSetsTheirOwnAvailability() throws Exception {
        APIGatewayV2HTTPResponse patchFirst = call(sample("patch-agent-me.json"));
        assertThat(patchFirst.getStatusCode()).as("not added yet").isEqualTo(404);
        assertThat(call(as("agent", sample("put-agent.json"))).getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse put = call(sample("put-agent.json"));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(json(put).get("load").asInt()).isZero();

        APIGatewayV2HTTPResponse me = call(sample("patch-agent-me.json"));
        assertThat(me.getStatusCode()).as(me.getBody()).isEqualTo(200);
        assertThat(json(me).get("available").asBoolean()).isFalse();
        assertThat(json(me).get("id").asText()).isEqualTo("8418e4b8-c0e1-7051-9a3e-5b6f2c1d4e7a");
        assertThat(fields(call(with(sample("patch-agent-me.json"), "PATCH /agents/me", null, "{\"available\":\"no\",\"capacity\":3}"))))
                .containsExactlyInAnyOrder("available", "capacity");

        APIGatewayV2HTTPResponse list = call(as("agent", with(sample("put-agent.json"), "GET /agents", null, null)));
        assertThat(json(list).get("items").findValuesAsText("name")).containsExactly("Alice Agent");
        assertThat(fields(call(with(sample("put-agent.json"), "PUT /agents/{id}", Map.of("id", "me"),
                "{\"name\":\"\",\"groups\":[\"\"],\"available\":1,\"capacity\":-1,\"load\":3}"))))
                .containsExactlyInAnyOrder("load", "available", "id", "name", "groups[0]", "capacity");
        assertThat(call(with(sample("put-agent.json"), "DELETE /agents/{id}", Map.of("id", "8418e4b8-c0e1-7051-9a3e-5b6f2c1d4e7a"), null))
                .getStatusCode()).isEqualTo(204);
        assertThat(call(with(sample("put-agent.json"), "GET /agents/{id}", Map.of("id", "8418e4b8-c0e1-7051-9a3e-5b6f2c1d4e7a"), null))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void adminsWriteRulesAgentsReadThemAndEveryBadFieldIsNamed() throws Exception {
        APIGatewayV2HTTPResponse put = call(sample("put-routing-rule.json"));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(json(put).get("then").get("assign").asText()).isEqualTo("least-loaded");
        assertThat(call(as("agent", sample("put-routing-rule.json"))).getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse list = call(as("agent", with(sample("put-routing-rule.json"), "GET /routing-rules", null, null)));
        assertThat(json(list).get("items").findValuesAsText("id")).containsExactly("damage-claims");

        assertThat(fields(call(with(sample("put-routing-rule.json"), "PUT /routing-rules/{id}", Map.of("id", "evil"),
                "{\"order\":1,\"when\":{\"textMatches\":\"(a+\",\"intent\":\"wish\"},\"then\":{\"assign\":\"round-robin\"}}"))))
                .containsExactlyInAnyOrder("when.textMatches", "when.intent", "then.assign");
        APIGatewayV2HTTPResponse badId = call(with(sample("put-routing-rule.json"), "PUT /routing-rules/{id}", Map.of("id", "Bad Id"), "{}"));
        assertThat(badId.getStatusCode()).isEqualTo(400);
        assertThat(badId.getBody()).contains("id");

        assertThat(call(with(sample("put-routing-rule.json"), "DELETE /routing-rules/{id}", Map.of("id", "damage-claims"), null))
                .getStatusCode()).isEqualTo(204);
        assertThat(call(with(sample("put-routing-rule.json"), "DELETE /routing-rules/{id}", Map.of("id", "damage-claims"), null))
                .getStatusCode()).isEqualTo(404);
    }
}
