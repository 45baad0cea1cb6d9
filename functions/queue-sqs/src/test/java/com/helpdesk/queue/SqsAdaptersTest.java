package com.helpdesk.queue;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.localaws.ElasticMq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The SQS adapters against ElasticMQ in this JVM: what they send is what a consumer receives. */
class SqsAdaptersTest {
    private static ElasticMq elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        elasticMq = ElasticMq.start(0);
        sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
    }

    /** A fresh queue whose own visibility timeout is long, so only an explicit change brings a message back soon. */
    private static String queue(boolean fifo) {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? ".fifo" : "");
        return sqs.createQueue(b -> b.queueName(name).attributes(fifo
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "600")
                : Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600"))).queueUrl();
    }

    private static List<Message> receive(String url, int max, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private static InboundMessage chat(String dedupeKey, String body) {
        return new InboundMessage(dedupeKey, List.of(new ThreadKey("chat:wa1:conv:15551234567", "conversation")), Channel.CHAT,
                Requester.of("r", null, "+15551234567", "Jane", null), "WhatsApp", body, null, List.of(),
                Instant.parse("2026-11-22T08:00:00Z"), List.of());
    }

    @Test
    void anEnqueuedMessageArrivesWholeInItsConversationsGroupAndARedeliveryIsDropped() {
        String url = queue(true);
        SqsInboundQueue queue = new SqsInboundQueue(sqs, url);
        InboundMessage m = chat("chat:wa1:msg:wamid.1", "where is my order?");
        queue.enqueue(m, "chat:wa1:conv:15551234567");
        queue.enqueue(m, "chat:wa1:conv:15551234567"); // the provider retried the webhook
        queue.enqueue(chat("chat:wa1:msg:wamid.2", "hello?"), "chat:wa1:conv:15551234567");

        List<Message> got = receive(url, 10, 1);
        assertThat(got).hasSize(2);
        assertThat(InboundMessageCodec.decode(got.get(0).body())).isEqualTo(m);
        assertThat(got).allSatisfy(r -> assertThat(r.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo(SqsInboundQueue.sha256("chat:wa1:conv:15551234567").substring(0, 64)));
        assertThat(got.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(SqsInboundQueue.sha256("chat:wa1:msg:wamid.1").substring(0, 64));
    }

    @Test
    void anUnreadableMessageIsRefusedWithAReasonThatNamesTheFieldNotTheParser() {
        assertThatCode(() -> InboundMessageCodec.decode("{\"receivedAt\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an inbound message: receivedAt is not an ISO-8601 instant");
        assertThatCode(() -> InboundMessageCodec.decode("{\"attachments\":{}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("`").doesNotContain("java.").doesNotContain("InboundMessage");
    }

    @Test
    void aMessageOverTheQueueLimitIsCutToFitAndStillReads() {
        String url = queue(true);
        String huge = "x".repeat(400 * 1024);
        new SqsInboundQueue(sqs, url).enqueue(chat("chat:wa1:msg:huge", huge), "c");
        InboundMessage back = InboundMessageCodec.decode(receive(url, 1, 1).get(0).body());
        assertThat(back.body()).startsWith("xxxx").endsWith("[... cut: the full text is in the original message]")
                .hasSizeLessThan(InboundMessageCodec.MAX_BYTES);
        assertThat(back.dedupeKey()).isEqualTo("chat:wa1:msg:huge");
    }

    @Test
    void aParkedMessageKeepsItsBodyAndSaysWhy() {
        for (boolean fifo : List.of(true, false)) {
            String url = queue(fifo);
            DeadLetters dlq = new DeadLetters(sqs, url);
            dlq.park("{not json", "m-1", "not an inbound message: Unexpected character");
            dlq.park("", null, "r".repeat(5000));
            List<Message> got = receive(url, 10, 1);
            assertThat(got).as(fifo ? "fifo" : "standard").hasSize(2);
            Message first = got.stream().filter(x -> x.body().equals("{not json")).findFirst().orElseThrow();
            assertThat(first.messageAttributes().get("reason").stringValue()).isEqualTo("not an inbound message: Unexpected character");
            assertThat(first.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("m-1");
            Message second = got.stream().filter(x -> x.body().equals("(empty)")).findFirst().orElseThrow();
            assertThat(second.messageAttributes().get("reason").stringValue()).hasSize(1000);
            assertThat(second.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("unknown");
        }
    }

    @Test
    void deadLettersBuildTheirClientOnTheFirstParkingOnly() {
        String url = queue(true);
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        DeadLetters dlq = DeadLetters.buildingClientOnFirstUse(() -> {
            built.incrementAndGet();
            return sqs;
        }, url);
        assertThat(built).hasValue(0);
        dlq.park("{not json", "m-2", "unreadable");
        dlq.park("{not json either", "m-3", "unreadable");
        assertThat(built).hasValue(1);
        assertThat(receive(url, 10, 2)).extracting(Message::body).containsExactlyInAnyOrder("{not json", "{not json either");
    }

    @Test
    void backoffDoublesPerReceiveUpToACap() {
        assertThat(List.of(0, 1, 2, 3, 5, 10, 11, 50).stream().map(QueueBackoff::delaySeconds).toList())
                .containsExactly(1, 1, 2, 4, 16, 512, 900, 900);
    }

    @Test
    void aMessageRetriedLaterComesBackAfterItsBackoffNotTheQueuesTimeout() {
        String url = queue(false);
        String name = url.substring(url.lastIndexOf('/') + 1);
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("retry me"));
        Message first = receive(url, 1, 1).get(0);
        new QueueBackoff(sqs).retryLater(arn, first.receiptHandle(), Map.of("ApproximateReceiveCount", "1"));
        // hidden for 1 second instead of the queue's 600: a long poll gets it back
        List<Message> again = receive(url, 1, 20);
        assertThat(again).extracting(Message::body).containsExactly("retry me");

        // a later receive is hidden longer (here 2^4 = 16 s): not back at once
        new QueueBackoff(sqs).retryLater(arn, again.get(0).receiptHandle(), Map.of("ApproximateReceiveCount", "5"));
        assertThat(receive(url, 1, 0)).isEmpty();
    }

    @Test
    void aBackoffThatCannotBeSetIsNoFailure() {
        QueueBackoff backoff = new QueueBackoff(sqs);
        assertThatCode(() -> backoff.retryLater("arn:aws:sqs:us-east-1:000000000000:no-such-queue", "rh", Map.of()))
                .doesNotThrowAnyException();
        String url = queue(false);
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + url.substring(url.lastIndexOf('/') + 1);
        assertThatCode(() -> backoff.retryLater(arn, "not-a-receipt-handle", null)).doesNotThrowAnyException();
    }
}
