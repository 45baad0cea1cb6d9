package com.helpdesk.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher against an endpoint that answers as EventBridge's PutEvents does (AWS JSON 1.1): what
 * it sends, and which entries it reports back for a retry when EventBridge takes only some of them or
 * refuses the call (throttled, access denied).
 */
class EventBusPublisherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StubAwsEndpoint aws;
    private static EventBridgeClient client;
    private static EventBusPublisher publisher;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        // no SDK retries here: the test is about what the publisher does once the SDK gives up
        client = EventBridgeClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        publisher = new EventBusPublisher(client, "helpdesk-bus");
    }

    @AfterAll
    static void stop() {
        client.close();
        aws.close();
    }

    private static List<OutboxEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> new OutboxEntry("seq-" + i, "evt_" + i, "helpdesk.tickets", "TicketCreated",
                "{\"eventId\":\"evt_" + i + "\",\"data\":{\"subject\":\"Où est ma commande ?\"}}",
                Instant.parse("2026-11-22T08:00:00Z").plusSeconds(i))).toList();
    }

    private static Answer accepted(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("{\"EventId\":\"11710aed-b79e-4468-a20b-bb3c0c3b4860-" + i + "\"}");
        return Answer.json11(200, "{\"FailedEntryCount\":0,\"Entries\":[" + String.join(",", ids) + "]}");
    }

    @Test
    void entriesGoOutInChunksOfTenAsEventBridgeExpectsThem() throws Exception {
        aws.answer(accepted(10), accepted(10), accepted(3));
        assertThat(publisher.publish(entries(23))).isEmpty();
        List<StubAwsEndpoint.Request> calls = aws.requests();
        assertThat(calls).hasSize(3);
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
            assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
            assertThat(r.header("Authorization")).contains("Credential=AKIDEXAMPLE/").contains("/eu-west-1/events/aws4_request");
        });
        JsonNode first = JSON.readTree(calls.get(0).body()).path("Entries");
        assertThat(first).hasSize(10);
        JsonNode e = first.get(0);
        assertThat(e.path("EventBusName").asText()).isEqualTo("helpdesk-bus");
        assertThat(e.path("Source").asText()).isEqualTo("helpdesk.tickets");
        assertThat(e.path("DetailType").asText()).isEqualTo("TicketCreated");
        assertThat(JSON.readTree(e.path("Detail").asText()).path("data").path("subject").asText()).isEqualTo("Où est ma commande ?");
        assertThat(e.path("Time").asLong()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z").getEpochSecond());
        assertThat(JSON.readTree(calls.get(2).body()).path("Entries")).hasSize(3);
    }

    @Test
    void entriesEventBridgeDidNotTakeAreReportedForRetry() {
        aws.answer(Answer.json11(200, "{\"FailedEntryCount\":2,\"Entries\":[{\"EventId\":\"a\"},"
                + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"Internal Service Failure\"},{\"EventId\":\"c\"},"
                + "{\"ErrorCode\":\"ThrottlingException\",\"ErrorMessage\":\"Rate exceeded\"}]}"));
        assertThat(publisher.publish(entries(4))).containsExactly("seq-1", "seq-3");
    }

    @Test
    void anAnswerWithFewerResultsThanEntriesCountsTheRestAsNotTaken() {
        aws.answer(Answer.json11(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"a\"}]}"));
        assertThat(publisher.publish(entries(3))).containsExactly("seq-1", "seq-2");
    }

    @Test
    void aRefusedCallReportsItsWholeChunkAndTheOtherChunksStillGo() {
        aws.answer(Answer.json11Error(400, "ThrottlingException", "Rate exceeded"), accepted(2));
        assertThat(publisher.publish(entries(12))).containsExactlyElementsOf(
                entries(10).stream().map(OutboxEntry::key).toList());
        assertThat(aws.requests()).hasSize(2);

        aws.answer(Answer.json11Error(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/relay/fn is not authorized to perform: events:PutEvents"));
        assertThat(publisher.publish(entries(2))).containsExactly("seq-0", "seq-1");
    }

    @Test
    void nothingToPublishMakesNoCall() {
        aws.answer(accepted(0));
        assertThat(publisher.publish(List.of())).isEmpty();
        assertThat(aws.requests()).isEmpty();
    }
}
