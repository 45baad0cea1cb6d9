package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches a deployed stack's bus for one test run: a queue and a rule of the run's own (every event of the
 * bus to the queue), read into a list as the journeys ask, and both deleted on close. Nothing of the stack
 * changes; the rule and queue are named after the stack and the run so a leftover is easy to recognise.
 */
final class BusTap implements AutoCloseable {
    /** Matches every event: EventBridge needs a pattern, and every event has a source. */
    static final String EVERY_EVENT = "{\"source\":[{\"prefix\":\"\"}]}";

    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final String bus;
    private final String ruleName;
    private final String queueUrl;
    private final List<HelpdeskDriver.PublishedEvent> seen = new ArrayList<>();

    private BusTap(EventBridgeClient events, SqsClient sqs, String bus, String ruleName, String queueUrl) {
        this.events = events;
        this.sqs = sqs;
        this.bus = bus;
        this.ruleName = ruleName;
        this.queueUrl = queueUrl;
    }

    /** Creates the queue (only the rule may send to it) and the rule with the queue as its target. */
    static BusTap open(EventBridgeClient events, SqsClient sqs, String bus, String name) {
        String queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600")))
                .queueUrl();
        BusTap tap = null;
        try {
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String ruleArn = events.putRule(b -> b.name(name).eventBusName(bus).eventPattern(EVERY_EVENT)
                    .description("end-to-end test run: every event to " + name + "; deleted after the run")).ruleArn();
            tap = new BusTap(events, sqs, bus, name, queueUrl);
            sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, policy(queueArn, ruleArn))));
            var put = events.putTargets(b -> b.rule(name).eventBusName(bus).targets(t -> t.id("e2e-queue").arn(queueArn)));
            if (put.failedEntryCount() > 0) {
                throw new IllegalStateException("the test rule " + name + " refused its queue: " + put.failedEntries());
            }
            return tap;
        } catch (RuntimeException e) {
            if (tap != null) tap.close();
            else sqs.deleteQueue(b -> b.queueUrl(queueUrl));
            throw e;
        }
    }

    /** The queue policy EventBridge needs to deliver to a queue (EventBridge user guide, "Amazon SQS permissions"). */
    static String policy(String queueArn, String ruleArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"e2e-bus-tap","Effect":"Allow",\
                "Principal":{"Service":"events.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"%s",\
                "Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}""".formatted(queueArn, ruleArn);
    }

    /** Every event the tap received so far, oldest first (the queue is drained into the list on each call). */
    synchronized List<HelpdeskDriver.PublishedEvent> events() {
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) break;
            for (Message m : batch) {
                seen.add(new HelpdeskDriver.PublishedEvent(parse(m.body()), List.of()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        seen.sort(java.util.Comparator.comparing(e -> e.event().path("time").asText()));
        return List.copyOf(seen);
    }

    private static JsonNode parse(String body) {
        try {
            return AgentApiClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the bus delivered no JSON: " + body, e);
        }
    }

    /** Removes the target, the rule and the queue; each step is tried even if one before it failed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Runnable step : List.<Runnable>of(
                () -> events.removeTargets(b -> b.rule(ruleName).eventBusName(bus).ids("e2e-queue")),
                () -> events.deleteRule(b -> b.name(ruleName).eventBusName(bus)),
                () -> sqs.deleteQueue(b -> b.queueUrl(queueUrl)))) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
