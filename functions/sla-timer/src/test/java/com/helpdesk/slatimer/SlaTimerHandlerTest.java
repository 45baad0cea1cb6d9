package com.helpdesk.slatimer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.queue.QueueBackoff;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The function's two triggers with the real-shaped samples of events/bus, against DynamoDB Local. */
class SlaTimerHandlerTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static DynamoDbLocal dynamo;
    private static DynamoDbTicketSla tickets;
    private static DynamoDbClient client;
    private static SlaTimerHandler handler;
    private static final List<String> ACTIONS = new ArrayList<>();
    private static final String ARN = "arn:aws:sqs:us-east-1:123456789012:helpdesk-SlaTimerQueue";
    private static final QueueBackoff BACKOFF = mock(QueueBackoff.class);

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(TableSchema.createTableRequest("sla"));
        tickets = new DynamoDbTicketSla(client, "sla");
        SlaTimer timer = new SlaTimer(new SlaSettings(new DynamoDbSlaSettings(client, "sla"), ZoneOffset.UTC), tickets, new SlaActions() {
            @Override public java.util.Optional<com.helpdesk.core.ticket.Status> statusNow(String t) { return java.util.Optional.of(com.helpdesk.core.ticket.Status.OPEN); }
            @Override public void escalate(String t, String g, String r) { ACTIONS.add("escalate " + g); }
            @Override public void tag(String t, String tag) { ACTIONS.add("tag " + tag); }
            @Override public void notApplied(String t, String reason) { }
        }, p -> p + "_" + ACTIONS.size() + System.nanoTime());
        handler = new SlaTimerHandler(timer, Clock.fixed(NOW, ZoneOffset.UTC), 100, BACKOFF);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static String bus(String type) throws Exception {
        return Files.readString(ROOT.resolve("events/bus/" + type + ".json"));
    }

    private static JsonNode invoke(Object event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
        return Json.mapper().readTree(out.toByteArray());
    }

    private static ObjectNode sqs(String... bodies) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "m" + i);
            r.put("body", bodies[i]);
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", ARN);
            r.put("receiptHandle", "handle-m" + i);
            r.putObject("attributes").put("ApproximateReceiveCount", "2");
        }
        return event;
    }

    private static List<String> failed(JsonNode answer) {
        return answer.get("batchItemFailures").findValuesAsText("itemIdentifier");
    }

    @Test
    void ticketEventsStartClocksTheScheduleFiresThemAndBadMessagesGoBackToTheQueue() throws Exception {
        String ticketId = "tkt_01kamc4v8z9r3s5t7w2y6x0q1b";
        assertThat(failed(invoke(sqs(bus("MessageAdded"))))).as("clocks not started yet: retried").containsExactly("m0");
        verify(BACKOFF).retryLater(eq(ARN), eq("handle-m0"), eq(java.util.Map.of("ApproximateReceiveCount", "2")));
        clearInvocations(BACKOFF);
        assertThat(failed(invoke(sqs(bus("TicketCreated"), "not json", "{\"detail-type\":\"TicketCreated\",\"detail\":{}}", bus("TicketCreated")))))
                .containsExactly("m1", "m2");
        verify(BACKOFF, never()).retryLater(anyString(), eq("handle-m1"), anyMap());
        assertThat(tickets.find(ticketId).orElseThrow().version()).as("the duplicate applied once").isEqualTo(1);

        // created 2026-11-22T10:15:30.123Z under the built-in default (firstResponse PT8H, warning at 6 h)
        ObjectNode scheduled = (ObjectNode) Json.mapper().readTree(
                "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\"2026-11-22T16:15:00Z\",\"detail\":{}}");
        assertThat(invoke(scheduled).get("ticketsFired").asInt()).as("5 h 59 min in: nothing due").isZero();
        scheduled.put("time", "2026-11-22T16:16:00Z");
        JsonNode swept = invoke(scheduled);
        assertThat(swept.get("sweptAt").asText()).isEqualTo("2026-11-22T16:16:00Z");
        assertThat(swept.get("ticketsFired").asInt()).isEqualTo(1);
        assertThat(tickets.ledger(ticketId)).extracting(e -> e.kind().wire()).containsExactly("start", "start", "warning");

        scheduled.put("time", "2027-01-01T00:00:00Z");
        assertThat(invoke(scheduled).get("sweptAt").asText()).as("never later than now").isEqualTo(NOW.toString());

        assertThat(failed(invoke(sqs(bus("SlaBreached"))))).isEmpty();
        assertThat(ACTIONS).containsExactly("escalate tier2", "tag sla-breached");
        assertThat(failed(invoke(sqs(bus("SlaBreached"))))).isEmpty();
        assertThat(ACTIONS).as("acted on once").hasSize(2);
    }

    @Test
    void snapStartPrimingReadsAndWritesNothing() {
        int items = client.scan(b -> b.tableName("sla")).count();
        int actions = ACTIONS.size();

        handler.prime();

        assertThat(client.scan(b -> b.tableName("sla")).count()).as("items in the table").isEqualTo(items);
        assertThat(ACTIONS).hasSize(actions);
    }
}
