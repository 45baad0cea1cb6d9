package com.helpdesk.inboundprocessor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InboundThreading;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.localaws.ElasticMq;
import com.helpdesk.queue.DeadLetterRedrive;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.InboundMessageCodec;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import com.helpdesk.core.port.TicketRepository;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The processor against DynamoDB Local and ElasticMQ: messages are threaded; an unreadable one is parked with its reason. */
class InboundProcessorHandlerTest {
    private static DynamoDbLocal dynamo;
    private static ElasticMq elasticMq;
    private static SqsClient sqs;
    private static String dlq;
    private static InboundProcessorHandler handler;
    private static final RecordingMetrics metrics = new RecordingMetrics();
    private static DynamoDbTicketRepository repository;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        elasticMq = ElasticMq.start(0);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(TableSchema.createTableRequest("tickets"));
        sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        dlq = sqs.createQueue(b -> b.queueName("inbound-dlq.fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        repository = new DynamoDbTicketRepository(client, "tickets");
        handler = new InboundProcessorHandler(new InboundThreading(repository, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC()),
                new DeadLetters(sqs, dlq), metrics);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
        dynamo.close();
    }

    /** The store as the processor sees it, except that any call about a thread key or message naming "poison" fails, as a throttled table would. */
    private static TicketRepository failingOnPoison(TicketRepository real) {
        return (TicketRepository) Proxy.newProxyInstance(TicketRepository.class.getClassLoader(), new Class<?>[] {TicketRepository.class},
                (proxy, method, args) -> {
                    if (args != null && Arrays.stream(args).anyMatch(a -> String.valueOf(a).contains("poison"))) {
                        throw new IllegalStateException("the table is throttling (injected)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static InboundMessage chat(String conversation, String message) {
        return new InboundMessage("chat:c:msg:" + message, List.of(new ThreadKey("chat:c:conv:" + conversation, "conversation")), Channel.CHAT,
                Requester.of("r", "jane@example.com", null, "Jane", null), "Chat", "hello " + message, null, null, Instant.now(), List.of());
    }

    private static SQSEvent.SQSMessage record(String id, String group, InboundMessage message) {
        SQSEvent.SQSMessage m = record(id, InboundMessageCodec.encode(message));
        m.setAttributes(Map.of("MessageGroupId", group, "ApproximateReceiveCount", "1"));
        m.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:inbound.fifo");
        return m;
    }

    private static int messagesOn(String threadKey) {
        return repository.find(repository.ticketForThreadKey(threadKey).orElseThrow()).orElseThrow().messages().size();
    }

    @Test
    void aMessageWhoseProcessingFailsIsTheOnlyFailureOfItsBatchAndTheOthersAreStoredOnce() {
        InboundProcessorHandler failing = new InboundProcessorHandler(
                new InboundThreading(failingOnPoison(repository), new UlidGenerator(Clock.systemUTC()), Clock.systemUTC()), new DeadLetters(sqs, dlq), new RecordingMetrics());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record("b1-1", "g1", chat("b1-one", "b1-1")), record("b1-p", "g2", chat("b1-poison", "b1-p")),
                record("b1-3", "g3", chat("b1-three", "b1-3")), record("b1-4", "g1", chat("b1-one", "b1-4"))));

        SQSBatchResponse response = failing.handle(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("b1-p");
        assertThat(messagesOn("chat:c:conv:b1-one")).isEqualTo(2);
        assertThat(messagesOn("chat:c:conv:b1-three")).isEqualTo(1);
        assertThat(repository.ticketForThreadKey("chat:c:conv:b1-poison")).isEmpty();

        // Lambda redelivers only the failed record; the others are not processed again
        SQSEvent retry = new SQSEvent();
        retry.setRecords(List.of(record("b1-p", "g2", chat("b1-poison", "b1-p"))));
        assertThat(handler.handle(retry, null).getBatchItemFailures()).isEmpty();
        assertThat(messagesOn("chat:c:conv:b1-poison")).isEqualTo(1);
        assertThat(messagesOn("chat:c:conv:b1-one")).isEqualTo(2);
    }

    @Test
    void afterAFailureTheRestOfThatConversationWaitsSoItsOrderHoldsWhileOtherConversationsGoOn() {
        InboundProcessorHandler failing = new InboundProcessorHandler(
                new InboundThreading(failingOnPoison(repository), new UlidGenerator(Clock.systemUTC()), Clock.systemUTC()), new DeadLetters(sqs, dlq), new RecordingMetrics());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record("b2-p", "g1", chat("b2-one", "b2-poison")), record("b2-2", "g2", chat("b2-two", "b2-2")),
                record("b2-3", "g1", chat("b2-one", "b2-3"))));

        SQSBatchResponse response = failing.handle(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("b2-p", "b2-3");
        assertThat(repository.ticketForThreadKey("chat:c:conv:b2-one")).as("the later message of the failed conversation waits").isEmpty();
        assertThat(messagesOn("chat:c:conv:b2-two")).isEqualTo(1);
    }

    /**
     * The documented redrive (README, "Dead letters"): once the cause is fixed, a parked message is replayed
     * from the dead-letter queue to its source queue, and is then processed like any other, once.
     */
    @Test
    void aParkedMessageIsRedrivenToItsSourceQueueAndThenProcessedOnce() {
        String source = sqs.createQueue(b -> b.queueName("redrive-inbound.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String parking = sqs.createQueue(b -> b.queueName("redrive-inbound-dlq.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        InboundMessage parkedMessage = chat("redrive", "redrive-1");
        new DeadLetters(sqs, parking).park(InboundMessageCodec.encode(parkedMessage), "sqs-redrive-1", "invalid inbound message: (a bug since fixed)");

        assertThat(new DeadLetterRedrive(sqs).replay(parking, source)).isEqualTo(1);

        List<Message> moved = sqs.receiveMessage(b -> b.queueUrl(source).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
        assertThat(moved).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(InboundMessageCodec.encode(parkedMessage)));
        Message back = moved.get(0);
        SQSEvent.SQSMessage record = record(back.messageId(), back.body());
        record.setAttributes(Map.of("MessageGroupId", back.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        assertThat(handler.handle(event, null).getBatchItemFailures()).isEmpty();
        sqs.deleteMessage(b -> b.queueUrl(source).receiptHandle(back.receiptHandle()));

        assertThat(messagesOn("chat:c:conv:redrive")).isEqualTo(1);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(parking).maxNumberOfMessages(10)).messages()).as("nothing left parked").isEmpty();
        assertThat(handler.handle(event, null).getBatchItemFailures()).as("a second replay is harmless").isEmpty();
        assertThat(messagesOn("chat:c:conv:redrive")).isEqualTo(1);
    }

    private static SQSEvent.SQSMessage record(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    @Test
    void aMessageIsThreadedAndAnUnreadableOneIsParkedWithItsReasonWithoutBlockingTheBatch() {
        InboundMessage chat = new InboundMessage("chat:c:msg:1", List.of(new ThreadKey("chat:c:conv:1", "conversation")), Channel.CHAT,
                Requester.of("r", "jane@example.com", null, "Jane", null), "Chat", "hello", null, null, Instant.now(), List.of());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record("sqs-1", "this is not an inbound message"), record("sqs-2", InboundMessageCodec.encode(chat))));
        metrics.recorded.clear(); // the handler is shared with the other tests
        SQSBatchResponse response = handler.handle(event, null);

        assertThat(response.getBatchItemFailures()).as("an unreadable message cannot succeed by retrying").isEmpty();
        assertThat(repository.ticketForThreadKey("chat:c:conv:1")).isPresent();
        assertThat(metrics.recorded).containsExactly("DeadLetterParks:unreadable", "InboundMessages:opened");
        List<Message> parked = sqs.receiveMessage(b -> b.queueUrl(dlq).messageAttributeNames("All").maxNumberOfMessages(10)).messages();
        assertThat(parked).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("this is not an inbound message");
            assertThat(m.messageAttributes().get("reason").stringValue()).startsWith("not an inbound message");
            assertThat(m.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("sqs-1");
        });
    }
}
