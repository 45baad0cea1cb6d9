package com.helpdesk.inboundprocessor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.localaws.ElasticMq;
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

import java.time.Clock;
import java.time.Instant;
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
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        repository = new DynamoDbTicketRepository(client, "tickets");
        handler = new InboundProcessorHandler(new TicketService(repository, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC()),
                new DeadLetters(sqs, dlq), metrics);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.close();
        dynamo.close();
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
        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).as("an unreadable message cannot succeed by retrying").isEmpty();
        assertThat(repository.ticketForThreadKey("chat:c:conv:1")).isPresent();
        assertThat(metrics.recorded).containsExactly("DeadLetterParks:unreadable", "InboundMessages:opened", "TicketsCreated:chat");
        List<Message> parked = sqs.receiveMessage(b -> b.queueUrl(dlq).messageAttributeNames("All").maxNumberOfMessages(10)).messages();
        assertThat(parked).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("this is not an inbound message");
            assertThat(m.messageAttributes().get("reason").stringValue()).startsWith("not an inbound message");
            assertThat(m.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("sqs-1");
        });
    }
}
