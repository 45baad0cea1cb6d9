package com.helpdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.store.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's own endpoints and its faithfulness to template.yaml. */
class LocalStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStackHarness stack;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path));
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthListsWhatTheTemplateDeclares() throws Exception {
        HttpResponse<String> r = send("GET", "/_local/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("functions").toString()).contains("TicketApiFunction", "OutboxRelayFunction");
        assertThat(h.get("routes").toString()).contains("POST /tickets", "PATCH /tickets/{id}", "GET /openapi.yaml");
        assertThat(h.get("rules").toString()).contains("TicketActivityLogRule");
        assertThat(h.get("startupMs").asLong()).isPositive();
    }

    @Test
    void tokensAreIssuedOnlyForKnownRoles() throws Exception {
        HttpResponse<String> ok = send("POST", "/_local/token", "{\"sub\":\"alice\",\"role\":\"agent\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("token").asText()).contains(".");
        // the deployed stack's Cognito group of team leads (the team's metrics)
        HttpResponse<String> lead = send("POST", "/_local/token", "{\"sub\":\"lena\",\"role\":\"lead\"}");
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
        assertThat(JSON.readTree(lead.body()).get("role").asText()).isEqualTo("lead");
        for (String bad : new String[]{"{\"sub\":\"alice\",\"role\":\"root\"}", "{\"role\":\"agent\"}", "not json", "[]"}) {
            HttpResponse<String> r = send("POST", "/_local/token", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void theClockMovesForwardOnlyAndTheWholeStackSeesIt() throws Exception {
        Instant before = Instant.parse(JSON.readTree(send("GET", "/_local/clock", null).body()).get("now").asText());
        HttpResponse<String> moved = send("POST", "/_local/clock", "{\"advance\":\"PT2H\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        Instant after = Instant.parse(JSON.readTree(moved.body()).get("now").asText());
        assertThat(after).isAfterOrEqualTo(before.plusSeconds(7200));
        assertThat(send("POST", "/_local/clock", "{\"set\":\"2020-01-01T00:00:00Z\"}").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/_local/clock", "{\"advance\":\"two hours\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/_local/clock", "{}").statusCode()).isEqualTo(400);

        // tickets created now carry the moved clock's time
        String token = stack.token("alice", "agent");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"Clock\",\"requester\":{\"email\":\"c@example.com\"},"
                        + "\"channel\":\"web\",\"message\":{\"body\":\"x\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Instant.parse(JSON.readTree(created.body()).get("createdAt").asText())).isAfterOrEqualTo(after);
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() throws Exception {
        assertThat(send("GET", "/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/tickets", null).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/_local/nope", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/_local/clock", null).headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void theTemplatesTableIsTheTableTheStoreIsWrittenFor() {
        try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(stack.stack().dynamoDbEndpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            TableDescription t = ddb.describeTable(b -> b.tableName(stack.stack().physicalName("HelpdeskTable"))).table();
            CreateTableRequest expected = TableSchema.createTableRequest("x");
            assertThat(t.keySchema()).isEqualTo(expected.keySchema());
            assertThat(t.attributeDefinitions()).containsExactlyInAnyOrderElementsOf(expected.attributeDefinitions());
            assertThat(t.globalSecondaryIndexes().stream().map(g -> g.indexName() + g.keySchema() + g.projection().projectionTypeAsString())
                    .collect(Collectors.toSet()))
                    .isEqualTo(expected.globalSecondaryIndexes().stream().map(g -> g.indexName() + g.keySchema() + g.projection().projectionTypeAsString())
                            .collect(Collectors.toSet()));
            assertThat(t.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        }
    }
}
