package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.core.port.KeyRingSource;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.DynamoDbTicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys rotate} against the local stack, with its own stack because it moves the stack's clock:
 * the functions take a rotated ring up without a restart, accept the old key for the grace period and
 * refuse it after; the first rotation moves a key kept in the table into the ring.
 */
class KeysRotateIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static String url;
    private static DynamoDbClient dynamo;
    private static SecretsManagerClient secretsClient;
    private static SecretsManagerKeyRings rings;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.start(new LocalStackOptions("127.0.0.1", 0, root.resolve("template.yaml"), Map.of()));
        url = "http://127.0.0.1:" + stack.port();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamo = DynamoDbClient.builder().endpointOverride(stack.dynamoDbEndpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
        secretsClient = SecretsManagerClient.builder().endpointOverride(URI.create(url + "/_aws/secretsmanager")).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(credentials).build();
        rings = new SecretsManagerKeyRings(secretsClient);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        secretsClient.close();
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

    private static HttpResponse<String> http(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + stack.token("ops", "agent"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String secret(String logicalId) {
        return stack.physicalName(logicalId);
    }

    @Test
    void aRotatedCursorKeyIsTakenUpAtOnceAndTheOldOneCountsForTheGraceOnly() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = http("POST", "/tickets", """
                    {"subject": "Rotation %d", "requester": {"email": "rot@example.com"}, "channel": "phone",
                     "tags": ["rotation"], "message": {"body": "hello"}}""".formatted(i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        String oldCursor = JSON.readTree(http("GET", "/tickets?tag=rotation&limit=1", null).body()).get("nextCursor").asText();
        assertThat(oldCursor).as("the template's generated first key").startsWith("k0.");
        KeyRing before = rings.read(secret("CursorSigningKeys"));
        assertThat(before.current().text()).hasSize(64);

        Instant t0 = stackNow();
        Run r = ops("keys", "rotate", "cursor", "--grace", "PT1H");
        assertThat(r.exit()).as(r.err()).isZero();
        KeyRing after = rings.read(secret("CursorSigningKeys"));
        assertThat(r.out()).contains("k0 -> " + after.current().id()).contains("k0 accepted until");
        assertThat(after.previous()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(before.current());
            assertThat(p.validUntil()).as("an hour from the stack's clock at the rotation").isBetween(t0.plus(Duration.ofHours(1)), stackNow().plus(Duration.ofHours(1)));
        });

        // a cursor signed with the new key (as a function instance that has read the new ring signs it) is
        // accepted by the warm ticket API, which reads the ring again for a key id it does not know
        KeyRingSource newRing = KeyRingSource.fixed(after);
        String newCursor = new DynamoDbTicketRepository(dynamo, stack.physicalName("HelpdeskTable"), newRing, Clock.systemUTC())
                .list(new TicketQuery(null, null, null, "rotation"), 1, null).nextCursor();
        assertThat(newCursor).startsWith(after.current().id() + ".");
        // the API read its ring for the first listing; it reads again for an unknown key at most once per MIN_RELOAD
        Thread.sleep(com.helpdesk.core.keys.CachedKeyRing.MIN_RELOAD.toMillis() + 200);
        assertThat(http("GET", "/tickets?tag=rotation&limit=1&cursor=" + newCursor, null).statusCode()).isEqualTo(200);
        assertThat(http("GET", "/tickets?tag=rotation&limit=1&cursor=" + oldCursor, null).statusCode()).as("within the grace").isEqualTo(200);

        http("POST", "/_local/clock", "{\"advance\": \"PT61M\"}");
        HttpResponse<String> expired = http("GET", "/tickets?tag=rotation&limit=1&cursor=" + oldCursor, null);
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(400);
        assertThat(expired.body()).contains("cursor").contains("start again");
        assertThat(http("GET", "/tickets?tag=rotation&limit=1&cursor=" + newCursor, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theFirstRotationMovesAKeyKeptInTheTableIntoTheRingAndDeletesTheItem() {
        byte[] legacy = "legacy-reply-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Map<String, AttributeValue> id = Map.of("PK", AttributeValue.fromS("CONFIG#reply-address-key"), "SK", AttributeValue.fromS("CONFIG"));
        Map<String, AttributeValue> item = new java.util.HashMap<>(id);
        item.put("type", AttributeValue.fromS("Config"));
        item.put("key", AttributeValue.fromB(SdkBytes.fromByteArray(legacy)));
        String table = stack.physicalName("HelpdeskTable");
        dynamo.putItem(b -> b.tableName(table).item(item));

        Run r = ops("keys", "rotate", "reply", "--grace", "P30D");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("moved the key kept in the table");
        KeyRing ring = rings.read(secret("ReplyAddressSigningKeys"));
        KeyRing.Retired moved = ring.previous().stream().filter(p -> p.key().id().equals(SigningKey.LEGACY_ID)).findFirst().orElseThrow();
        assertThat(moved.key().material()).isEqualTo(legacy);
        assertThat(moved.validUntil()).isEqualTo(ring.previous().get(0).validUntil());
        assertThat(dynamo.getItem(b -> b.tableName(table).key(id).consistentRead(true)).hasItem()).isFalse();

        Run again = ops("keys", "rotate", "reply");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(rings.read(secret("ReplyAddressSigningKeys")).ids()).contains(SigningKey.LEGACY_ID).hasSize(4);
    }

    @Test
    void mistakesGetClearErrors() {
        Run kind = ops("keys", "rotate", "session");
        assertThat(kind.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(kind.err()).contains("cursor, csat or reply");
        Run shortGrace = ops("keys", "rotate", "csat", "--grace", "PT1M");
        assertThat(shortGrace.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(shortGrace.err()).contains("--grace must be PT0S").contains("PT10M");
        Run notDuration = ops("keys", "rotate", "csat", "--grace", "3 days");
        assertThat(notDuration.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(notDuration.err()).contains("--grace must be an ISO-8601 duration");
        Run noKind = ops("keys", "rotate");
        assertThat(noKind.exit()).isEqualTo(OpsMain.USAGE);
    }

    private static Instant stackNow() throws Exception {
        JsonNode clock = JSON.readTree(http("GET", "/_local/clock", null).body());
        return Instant.parse(clock.get("now").asText());
    }
}
