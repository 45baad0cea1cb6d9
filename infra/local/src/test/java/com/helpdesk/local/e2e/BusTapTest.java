package com.helpdesk.local.e2e;

import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployed tier's bus tap: what it creates, what it reads, and that it leaves nothing behind (SDK requests against stubs). */
class BusTapTest {
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/helpdesk-test-e2e-r1a2b3c";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:helpdesk-test-e2e-r1a2b3c";
    private static final String RULE_ARN = "arn:aws:events:eu-west-1:123456789012:rule/helpdesk-test-bus/helpdesk-test-e2e-r1a2b3c";

    private StubAwsEndpoint sqsStub;
    private StubAwsEndpoint eventsStub;
    private SqsClient sqs;
    private EventBridgeClient events;

    @BeforeEach
    void start() {
        sqsStub = StubAwsEndpoint.start();
        eventsStub = StubAwsEndpoint.start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        sqs = SqsClient.builder().endpointOverride(sqsStub.endpoint()).region(Region.EU_WEST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
        events = EventBridgeClient.builder().endpointOverride(eventsStub.endpoint()).region(Region.EU_WEST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    @AfterEach
    void stop() {
        sqs.close();
        events.close();
        sqsStub.close();
        eventsStub.close();
    }

    /** SQS speaks AWS JSON 1.0 to SDK v2, EventBridge JSON 1.1. */
    private static Answer sqsJson(String body) {
        return Answer.of(200, "application/x-amz-json-1.0", body);
    }

    /** A received message as SQS returns it, with the body's MD5 the SDK checks. */
    private static String message(String id, String body) throws Exception {
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return "{\"MessageId\":\"" + id + "\",\"ReceiptHandle\":\"h-" + id + "\",\"MD5OfBody\":\"" + md5 + "\",\"Body\":"
                + AgentApiClient.JSON.valueToTree(body) + "}";
    }

    private static String target(StubAwsEndpoint.Request r) {
        return r.header("X-Amz-Target");
    }

    private void scriptSetup(Answer putTargets) {
        sqsStub.answer(sqsJson("{\"QueueUrl\":\"" + QUEUE_URL + "\"}"), sqsJson("{\"Attributes\":{\"QueueArn\":\"" + QUEUE_ARN + "\"}}"),
                sqsJson("{}"));
        eventsStub.answer(Answer.json11(200, "{\"RuleArn\":\"" + RULE_ARN + "\"}"), putTargets, Answer.json11(200, "{}"));
    }

    @Test
    void everyEventOfTheBusReachesTheRunsQueueOnlyFromTheRunsRule() throws Exception {
        scriptSetup(Answer.json11(200, "{\"FailedEntryCount\":0,\"FailedEntries\":[]}"));
        BusTap tap = BusTap.open(events, sqs, "helpdesk-test-bus", "helpdesk-test-e2e-r1a2b3c");

        List<StubAwsEndpoint.Request> toSqs = sqsStub.requests();
        assertThat(toSqs).extracting(BusTapTest::target).containsExactly("AmazonSQS.CreateQueue", "AmazonSQS.GetQueueAttributes",
                "AmazonSQS.SetQueueAttributes");
        assertThat(toSqs.get(0).bodyText()).contains("\"QueueName\":\"helpdesk-test-e2e-r1a2b3c\"");
        String policy = toSqs.get(2).bodyText();
        assertThat(policy).contains("events.amazonaws.com").contains("sqs:SendMessage").contains(QUEUE_ARN).contains(RULE_ARN);
        List<StubAwsEndpoint.Request> toBus = eventsStub.requests();
        assertThat(toBus).extracting(BusTapTest::target).containsExactly("AWSEvents.PutRule", "AWSEvents.PutTargets");
        assertThat(toBus.get(0).bodyText()).contains("\"EventBusName\":\"helpdesk-test-bus\"")
                .contains("\"EventPattern\":\"{\\\"source\\\":[{\\\"prefix\\\":\\\"\\\"}]}\"");
        assertThat(toBus.get(1).bodyText()).contains("\"Arn\":\"" + QUEUE_ARN + "\"").contains("\"Rule\":\"helpdesk-test-e2e-r1a2b3c\"");

        // two events arrive (out of order), then the queue is empty
        String later = "{\"id\":\"2\",\"detail-type\":\"StatusChanged\",\"source\":\"helpdesk.tickets\",\"time\":\"2026-12-01T10:00:02Z\",\"detail\":{\"ticketId\":\"tkt_1\"}}";
        String earlier = "{\"id\":\"1\",\"detail-type\":\"TicketCreated\",\"source\":\"helpdesk.tickets\",\"time\":\"2026-12-01T10:00:01Z\",\"detail\":{\"ticketId\":\"tkt_1\"}}";
        sqsStub.answer(sqsJson("{\"Messages\":[" + message("m2", later) + "," + message("m1", earlier) + "]}"),
                sqsJson("{}"), sqsJson("{}"), sqsJson("{}"));
        List<HelpdeskDriver.PublishedEvent> seen = tap.events();
        assertThat(seen).extracting(HelpdeskDriver.PublishedEvent::detailType).containsExactly("TicketCreated", "StatusChanged");
        assertThat(seen.get(0).detail().get("ticketId").asText()).isEqualTo("tkt_1");
        assertThat(sqsStub.requests()).extracting(BusTapTest::target).containsExactly("AmazonSQS.ReceiveMessage",
                "AmazonSQS.DeleteMessage", "AmazonSQS.DeleteMessage", "AmazonSQS.ReceiveMessage");

        sqsStub.answer(sqsJson("{}"));
        eventsStub.answer(Answer.json11(200, "{}"));
        tap.close();
        assertThat(eventsStub.requests()).extracting(BusTapTest::target).containsExactly("AWSEvents.RemoveTargets", "AWSEvents.DeleteRule");
        assertThat(sqsStub.requests()).extracting(BusTapTest::target).containsExactly("AmazonSQS.DeleteQueue");
    }

    @Test
    void aTapThatCannotBeCompletedLeavesNoRuleOrQueueBehind() {
        scriptSetup(Answer.json11(200, "{\"FailedEntryCount\":1,\"FailedEntries\":[{\"TargetId\":\"e2e-queue\",\"ErrorCode\":\"AccessDenied\"}]}"));
        assertThatThrownBy(() -> BusTap.open(events, sqs, "helpdesk-test-bus", "helpdesk-test-e2e-r1a2b3c"))
                .hasMessageContaining("the test rule helpdesk-test-e2e-r1a2b3c refused its queue").hasMessageContaining("AccessDenied");
        assertThat(eventsStub.requests()).extracting(BusTapTest::target)
                .containsExactly("AWSEvents.PutRule", "AWSEvents.PutTargets", "AWSEvents.RemoveTargets", "AWSEvents.DeleteRule");
        assertThat(sqsStub.requests()).extracting(BusTapTest::target).endsWith("AmazonSQS.DeleteQueue");

        sqsStub.answer(sqsJson("{\"QueueUrl\":\"" + QUEUE_URL + "\"}"), sqsJson("{\"Attributes\":{\"QueueArn\":\"" + QUEUE_ARN + "\"}}"), sqsJson("{}"));
        eventsStub.answer(Answer.json11Error(400, "LimitExceededException", "The requested resource exceeds the maximum number allowed."));
        assertThatThrownBy(() -> BusTap.open(events, sqs, "helpdesk-test-bus", "helpdesk-test-e2e-r1a2b3c")).hasMessageContaining("maximum number");
        assertThat(sqsStub.requests()).extracting(BusTapTest::target).endsWith("AmazonSQS.DeleteQueue");
    }
}
