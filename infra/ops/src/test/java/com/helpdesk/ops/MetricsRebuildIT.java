package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code metrics rebuild} against the local stack: traffic through the API, the figures read back, generation 0's
 * aggregates wiped, rebuilt from the bus's log through MetricsRebuildQueue and MetricsFunction: the same JSON. A
 * second rebuild gives the same JSON again (no double counts), and live events keep landing after the switch.
 */
class MetricsRebuildIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static String url;
    private static DynamoDbClient dynamo;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.start(new LocalStackOptions("127.0.0.1", 0, root.resolve("template.yaml"), Map.of()));
        url = "http://127.0.0.1:" + stack.port();
        dynamo = DynamoDbClient.builder().endpointOverride(stack.dynamoDbEndpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        stack.close();
    }

    private static Run ops(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--local");
        all.add(url);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OpsMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> http(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + stack.token("alice", role))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ticket(String channel, String email) throws Exception {
        HttpResponse<String> r = http("POST", "/tickets", """
                {"subject": "Rebuild", "requester": {"email": "%s"}, "channel": "%s", "message": {"body": "hello"}}"""
                .formatted(email, channel), "agent");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return "/tickets/" + JSON.readTree(r.body()).get("id").asText();
    }

    private static void call(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http(method, path, body, "agent");
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    }

    private static LocalDate today() throws Exception {
        JsonNode clock = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/_local/clock")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return Instant.parse(clock.get("now").asText()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Both reports of the range, as the API answers them. */
    private static String figures(LocalDate from, LocalDate to) throws Exception {
        String range = "from=" + from + "&to=" + to;
        return http("GET", "/metrics?" + range, null, "lead").body() + "\n" + http("GET", "/metrics/agents?" + range, null, "lead").body()
                + "\n" + http("GET", "/metrics?" + range + "&groupBy=channel", null, "lead").body();
    }

    private static long total(String figures, String field) throws Exception {
        long n = 0;
        for (JsonNode row : JSON.readTree(figures.substring(0, figures.indexOf('\n'))).get("series")) n += row.at(field).asLong();
        return n;
    }

    /** The figures once they hold {@code done} and stop changing (the bus, the SLA timer and the queues are asynchronous). */
    private static String settled(LocalDate from, LocalDate to, Predicate<String> done) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        String last = null;
        int same = 0;
        while (System.currentTimeMillis() < deadline) {
            String now = figures(from, to);
            same = now.equals(last) && done.test(now) ? same + 1 : 0;
            if (same == 2) return now;
            last = now;
            Thread.sleep(1000);
        }
        throw new AssertionError("the figures never settled: " + last);
    }

    private static boolean holds(String figures, String field, long expected) {
        try {
            return total(figures, field) == expected;
        } catch (Exception e) {
            return false;
        }
    }

    /** Deletes generation 0's aggregates of these days (not the backlog censuses): what a lost or broken table would leave. */
    private static void wipe(LocalDate from, LocalDate to) {
        String table = stack.physicalName("HelpdeskTable");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String pk = "METRICS#" + d;
            for (Map<String, AttributeValue> item : dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items()) {
                if (item.get("SK").s().startsWith("BACKLOG#")) continue;
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
            }
        }
    }

    @Test
    void theRebuiltFiguresAreTheSameJsonAndRebuildingAgainChangesNothing() throws Exception {
        String a = ticket("email", "a@example.com");
        call("POST", a + "/messages", "{\"body\": \"a note\", \"visibility\": \"internal\"}");
        call("POST", a + "/messages", "{\"body\": \"on its way\", \"visibility\": \"public\"}");
        call("PATCH", a, "{\"status\": \"resolved\"}");
        String b = ticket("phone", "b@example.com");
        call("POST", b + "/messages", "{\"body\": \"called back\", \"visibility\": \"public\"}");
        call("POST", b + "/escalate", "{\"reason\": \"angry\"}");
        ticket("chat", "c@example.com");

        LocalDate today = today();
        LocalDate from = today.minusDays(1);
        LocalDate to = today.plusDays(1);
        String live = settled(from, to, f -> holds(f, "/created", 3) && holds(f, "/resolved", 1) && holds(f, "/firstResponse/count", 2)
                && holds(f, "/escalated", 1) && holds(f, "/sla/met", 3));

        wipe(from, to);
        String wiped = figures(from, to);
        assertThat(total(wiped, "/created")).as("wiped").isZero();

        Run rebuilt = ops("metrics", "rebuild", "--from", from.toString());
        assertThat(rebuilt.exit()).as(rebuilt.out() + rebuilt.err()).isZero();
        assertThat(rebuilt.out()).contains("started the rebuild of generation 1").contains("switched: generation 1");
        assertThat(figures(from, to)).isEqualTo(live);

        Run again = ops("metrics", "rebuild", "--from", from.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("switched: generation 2");
        assertThat(figures(from, to)).as("replaying twice: the same numbers, not double counts").isEqualTo(live);

        // live traffic after the switch lands in the generation that now serves the day
        ticket("email", "d@example.com");
        settled(from, to, f -> holds(f, "/created", 4));
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        assertThat(ops("metrics", "rebuild").err()).contains("--from is required");
        assertThat(ops("metrics", "rebuild", "--from", "22.11.2026").exit()).isEqualTo(OpsMain.USAGE);
        Run backwards = ops("metrics", "rebuild", "--from", "2026-11-22", "--to", "2026-11-21");
        assertThat(backwards.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(backwards.err()).contains("--to must not be before --from");
        assertThat(ops("metrics", "rebuild", "--abandon").err()).contains("no metrics rebuild is in progress");
    }
}
