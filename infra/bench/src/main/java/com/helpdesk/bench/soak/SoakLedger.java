package com.helpdesk.bench.soak;

import com.helpdesk.core.event.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStack;
import com.helpdesk.store.OutboxTimeline;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the stack holds after the soak, read the way agents and operators read it: tickets and their messages
 * through the API, what SES and the chat providers received (the local outbox), every event the outbox wrote
 * (by time, from the table, as the operators' replay reads it) against what the bus received, and every
 * dead-letter queue with each message's reason.
 */
final class SoakLedger implements AutoCloseable {
    private static final Pattern DEAD_LETTER_QUEUE = Pattern.compile(".*(DeadLetter|DLQ|Failures).*");
    private final LocalStack stack;
    private final SoakHttp http;
    private final String agent;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    SoakLedger(LocalStack stack, SoakHttp http, String agentToken) {
        this.stack = stack;
        this.http = http;
        this.agent = agentToken;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamo = DynamoDbClient.builder().endpointOverride(stack.dynamoDbEndpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(stack.sqsEndpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** One parked message: its queue, id, reason (the consumer's message attribute; SQS's own redrive leaves none) and body. */
    record DeadLetter(String queue, String messageId, String reason, String body) {}

    SqsClient sqs() {
        return sqs;
    }

    List<JsonNode> tickets(String requester) {
        List<JsonNode> out = new ArrayList<>();
        SoakHttp.Answer a = http.get("/tickets?requester=" + requester, agent);
        if (a.status() == 200) a.json().get("items").forEach(out::add);
        return out;
    }

    /** The messages on a ticket with this text (an acknowledgment sent back is a message too, so count by text). */
    int messagesSaying(String ticketId, String text) {
        int n = 0;
        SoakHttp.Answer a = http.get("/tickets/" + ticketId, agent);
        if (a.status() != 200) return 0;
        for (JsonNode m : a.json().get("messages")) if (m.path("body").asText().strip().equals(text)) n++;
        return n;
    }

    /** What SES ("email": the mail's text) or the chat providers ("chat": the request body) received containing {@code text}. */
    int sent(String channel, String text) {
        int n = 0;
        for (JsonNode e : http.get("/_local/outbox", null).json()) {
            String content = e.path(channel.equals("email") ? "text" : "body").asText();
            if (channel.equals(e.path("channel").asText()) && content.contains(text)) n++;
        }
        return n;
    }

    /** Event ids on the bus, with how often each was put there. */
    Map<String, Integer> eventsOnTheBus() {
        Map<String, Integer> count = new HashMap<>();
        for (JsonNode e : http.get("/_local/events", null).json()) {
            String id = e.path("event").path("detail").path("eventId").asText(null);
            if (id != null) count.merge(id, 1, Integer::sum);
        }
        return count;
    }

    /** Per ticket, the distinct TicketCreated events on the bus (a resent event keeps its id). */
    Map<String, Set<String>> ticketCreatedOnTheBus() {
        Map<String, Set<String>> out = new HashMap<>();
        for (JsonNode e : http.get("/_local/events", null).json()) {
            JsonNode event = e.path("event");
            if (EventTypes.TICKET_CREATED.equals(event.path("detail-type").asText())) {
                out.computeIfAbsent(event.path("detail").path("ticketId").asText(), k -> new HashSet<>()).add(event.path("detail").path("eventId").asText());
            }
        }
        return out;
    }

    /** Every event the outbox wrote with the changes, by time (Query on the outbox index, never a scan). */
    Set<String> eventsWritten(Instant from, Instant to) {
        OutboxTimeline outbox = new OutboxTimeline(dynamo, stack.physicalName("HelpdeskTable"));
        Set<String> ids = new HashSet<>();
        for (OutboxTimeline.Partition p : OutboxTimeline.partitions(from, to)) {
            outbox.read(p, from, to, null, page -> page.forEach(e -> ids.add(e.eventId())));
        }
        return ids;
    }

    /**
     * Every message parked in a dead-letter queue of the template, each with its reason. Each is received and made
     * visible again at once; a FIFO queue hands out one message group at a time, so reading goes on until a read
     * brings nothing new.
     */
    List<DeadLetter> deadLetters() {
        Map<String, DeadLetter> out = new LinkedHashMap<>();
        for (String queue : deadLetterQueues()) {
            String url = queueUrl(queue);
            for (int read = 0; read < 20; read++) {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                        .messageAttributeNames("All")).messages();
                int before = out.size();
                for (Message m : batch) {
                    String reason = m.messageAttributes().containsKey("reason") ? m.messageAttributes().get("reason").stringValue()
                            : "(none: parked by the queue's redrive policy after maxReceiveCount receives)";
                    out.putIfAbsent(m.messageId(), new DeadLetter(queue, m.messageId(), reason, m.body()));
                }
                if (batch.isEmpty() || out.size() == before) break;
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The template's queues named as dead-letter queues or failure destinations (as the operators' tool finds them). */
    @SuppressWarnings("unchecked")
    List<String> deadLetterQueues() {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : (List<Map<String, String>>) stack.endpoints().get("resources")) {
            if ("AWS::SQS::Queue".equals(r.get("type")) && DEAD_LETTER_QUEUE.matcher(r.get("logicalId")).matches()) out.add(r.get("logicalId"));
        }
        return out;
    }

    /** A queue's Ref, as CloudFormation gives it: its URL. */
    String queueUrl(String logicalId) {
        String ref = stack.physicalName(logicalId);
        return ref.startsWith("http") ? ref : sqs.getQueueUrl(b -> b.queueName(ref)).queueUrl();
    }

    /** Reads until {@code done} holds or {@code patience} is over, and returns the last reading either way: the figures tell. */
    static <T> T awaitOrLast(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            SoakHttp.pause(Duration.ofMillis(250));
            last = read.get();
        }
        return last;
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
    }
}
