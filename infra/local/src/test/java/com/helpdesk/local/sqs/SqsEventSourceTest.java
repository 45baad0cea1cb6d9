package com.helpdesk.local.sqs;

import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.localaws.ElasticMq;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Lambda's SQS event source semantics against ElasticMQ: batch item failures, retries, redrive to the DLQ. */
class SqsEventSourceTest {

    @Test
    void failedMessagesComeBackAndEndInTheDeadLetterQueue() throws Exception {
        try (ElasticMq mq = ElasticMq.start(0);
             SqsClient sqs = SqsClient.builder().endpointOverride(mq.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            LocalQueues queues = new LocalQueues(sqs, "000000000000", "us-east-1");
            LocalQueues.Queue dlq = queues.create("Dlq", "inbound-dlq", Map.of());
            LocalQueues.Queue inbound = queues.create("Inbound", "inbound", Map.of("VisibilityTimeout", 1,
                    "RedrivePolicy", Map.of("deadLetterTargetArn", dlq.arn(), "maxReceiveCount", 2)));

            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Pattern id = Pattern.compile("\"messageId\":\"([^\"]+)\",\"receiptHandle\":\"[^\"]*\",\"body\":\"([^\"]+)\"");
            try (SqsEventSource source = new SqsEventSource(sqs, inbound, "Processor", 10, true, (fn, event) -> {
                assertThat(event).contains("\"eventSource\":\"aws:sqs\"").contains("\"eventSourceARN\":\"" + inbound.arn() + "\"")
                        .contains("\"ApproximateReceiveCount\"");
                Matcher m = id.matcher(event);
                List<String> failures = new ArrayList<>();
                boolean crash = false;
                while (m.find()) {
                    seen.add(m.group(2));
                    if (m.group(2).equals("poison")) failures.add(m.group(1));
                    if (m.group(2).equals("crash-once") && seen.stream().filter("crash-once"::equals).count() == 1) crash = true;
                }
                if (crash) throw new FunctionError("Boom", "transient", null);
                return "{\"batchItemFailures\":[" + String.join(",", failures.stream().map(f -> "{\"itemIdentifier\":\"" + f + "\"}").toList()) + "]}";
            }, "us-east-1")) {
                source.start();
                for (String body : List.of("good", "poison", "crash-once")) sqs.sendMessage(b -> b.queueUrl(inbound.url()).messageBody(body));

                List<Message> dead = List.of();
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline && dead.isEmpty()) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlq.url()).waitTimeSeconds(1)).messages();
                }
                assertThat(dead).extracting(Message::body).containsExactly("poison");
                assertThat(seen).contains("good", "crash-once");
                assertThat(seen.stream().filter("crash-once"::equals).count()).isGreaterThanOrEqualTo(2);
                Thread.sleep(1500);
                assertThat(sqs.getQueueAttributes(b -> b.queueUrl(inbound.url()).attributeNamesWithStrings("All")).attributesAsStrings())
                        .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
            }
        }
    }

    private static final Pattern BODY = Pattern.compile("\"body\":\"([^\"]+)\"");

    @Test
    void messageGroupsOfAFifoQueueRunAtOnce() throws Exception {
        try (ElasticMq mq = ElasticMq.start(0); SqsClient sqs = client(mq)) {
            LocalQueues.Queue inbound = new LocalQueues(sqs, "000000000000", "us-east-1")
                    .create("Inbound", "inbound.fifo", Map.of("FifoQueue", true, "VisibilityTimeout", 60));
            CountDownLatch secondGroupArrived = new CountDownLatch(1);
            List<Boolean> firstGroupSawSecond = Collections.synchronizedList(new ArrayList<>());
            // the first group's batch waits inside the function until the second group's batch is delivered:
            // with one batch after another it would wait in vain
            try (SqsEventSource source = new SqsEventSource(sqs, inbound, "Processor", 1, true, (fn, event) -> {
                if (event.contains("\"body\":\"b-")) secondGroupArrived.countDown();
                else firstGroupSawSecond.add(await(secondGroupArrived));
                return "{\"batchItemFailures\":[]}";
            }, "us-east-1", 2)) {
                send(sqs, inbound, "a", "a-1");
                send(sqs, inbound, "b", "b-1");
                source.start();
                long deadline = System.currentTimeMillis() + 60_000;
                while (firstGroupSawSecond.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertThat(firstGroupSawSecond).containsExactly(true);
            }
        }
    }

    @Test
    void eachMessageGroupIsDeliveredInOrderAndNeverInTwoBatchesAtOnce() throws Exception {
        try (ElasticMq mq = ElasticMq.start(0); SqsClient sqs = client(mq)) {
            LocalQueues.Queue inbound = new LocalQueues(sqs, "000000000000", "us-east-1")
                    .create("Inbound", "inbound.fifo", Map.of("FifoQueue", true, "VisibilityTimeout", 60));
            Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
            List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger delivered = new AtomicInteger();
            try (SqsEventSource source = new SqsEventSource(sqs, inbound, "Processor", 3, true, (fn, event) -> {
                Matcher m = BODY.matcher(event);
                List<String> groups = new ArrayList<>();
                while (m.find()) {
                    String[] gs = m.group(1).split("-");
                    if (!groups.contains(gs[0])) groups.add(gs[0]);
                    seen.computeIfAbsent(gs[0], g -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(gs[1]));
                    delivered.incrementAndGet();
                }
                for (String g : groups) if (inFlight.computeIfAbsent(g, x -> new AtomicInteger()).incrementAndGet() > 1) overlaps.add(g);
                Thread.yield();
                for (String g : groups) inFlight.get(g).decrementAndGet();
                return "{\"batchItemFailures\":[]}";
            }, "us-east-1", 4)) {
                for (int i = 0; i < 15; i++) for (String g : List.of("x", "y", "z")) send(sqs, inbound, g, g + "-" + i);
                source.start();
                long deadline = System.currentTimeMillis() + 60_000;
                while (delivered.get() < 45 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                List<Integer> inOrder = java.util.stream.IntStream.range(0, 15).boxed().toList();
                assertThat(seen).containsOnlyKeys("x", "y", "z");
                seen.values().forEach(order -> assertThat(order).isEqualTo(inOrder));
                assertThat(overlaps).isEmpty();
            }
        }
    }

    @Test
    void anIdleQueueIsLongPolledByOnePollerAtATime() throws Exception {
        try (ElasticMq mq = ElasticMq.start(0); SqsClient real = client(mq)) {
            LocalQueues.Queue inbound = new LocalQueues(real, "000000000000", "us-east-1")
                    .create("Inbound", "inbound.fifo", Map.of("FifoQueue", true, "VisibilityTimeout", 60));
            AtomicInteger receiving = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            AtomicInteger receives = new AtomicInteger();
            SqsClient counting = (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[]{SqsClient.class},
                    (proxy, method, args) -> {
                        boolean receive = method.getName().equals("receiveMessage");
                        if (receive) mostAtOnce.accumulateAndGet(receiving.incrementAndGet(), Math::max);
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (receive) {
                                receiving.decrementAndGet();
                                receives.incrementAndGet();
                            }
                        }
                    });
            try (SqsEventSource source = new SqsEventSource(counting, inbound, "Processor", 10, true,
                    (fn, event) -> "{\"batchItemFailures\":[]}", "us-east-1", 4)) {
                source.start();
                long deadline = System.currentTimeMillis() + 60_000;
                while (receives.get() < 8 && System.currentTimeMillis() < deadline) Thread.sleep(50);
                assertThat(receives.get()).isGreaterThanOrEqualTo(8);
                assertThat(mostAtOnce.get()).isEqualTo(1);
            }
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(SqsClient sqs, LocalQueues.Queue queue, String group, String body) {
        sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody(body).messageGroupId(group).messageDeduplicationId(body));
    }

    private static SqsClient client(ElasticMq mq) {
        return SqsClient.builder().endpointOverride(mq.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
