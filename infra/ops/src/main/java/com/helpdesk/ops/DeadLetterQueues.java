package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stack's dead-letter queues: a queue some other queue's RedrivePolicy points at (its source is that
 * queue), or a failure destination named so (DeadLetter, DLQ, Failures: those hold failure records, and
 * have no source to redrive to).
 */
final class DeadLetterQueues {
    record Queue(String logicalId, String url, String arn, boolean fifo) {}
    record DeadLetterQueue(Queue queue, long depth, Queue source) {}

    private static final Pattern FAILURE_DESTINATION = Pattern.compile("(?i).*(deadletter|dlq|failures).*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final StackResources stack;

    DeadLetterQueues(SqsClient sqs, StackResources stack) {
        this.sqs = sqs;
        this.stack = stack;
    }

    List<DeadLetterQueue> all() {
        Map<String, Queue> byArn = new LinkedHashMap<>();
        Map<String, Long> depths = new LinkedHashMap<>();
        Map<String, String> redriveTargets = new LinkedHashMap<>(); // source arn -> DLQ arn
        for (StackResources.Resource r : stack.ofType(StackResources.QUEUE)) {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(r.physicalId()).attributeNames(
                    QueueAttributeName.QUEUE_ARN, QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes();
            String arn = a.get(QueueAttributeName.QUEUE_ARN);
            byArn.put(arn, new Queue(r.logicalId(), r.physicalId(), arn, r.physicalId().endsWith(".fifo")));
            depths.put(arn, Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")));
            String target = deadLetterTarget(a.get(QueueAttributeName.REDRIVE_POLICY));
            if (target != null) redriveTargets.put(arn, target);
        }
        List<DeadLetterQueue> out = new ArrayList<>();
        for (Queue q : byArn.values()) {
            List<String> sources = redriveTargets.entrySet().stream().filter(e -> e.getValue().equals(q.arn())).map(Map.Entry::getKey).toList();
            if (sources.isEmpty() && !FAILURE_DESTINATION.matcher(q.logicalId()).matches()) continue;
            Queue source = sources.size() == 1 ? byArn.get(sources.get(0)) : null;
            out.add(new DeadLetterQueue(q, depths.get(q.arn()), source));
        }
        return out;
    }

    /** A dead-letter queue by its logical id (as in template.yaml), its name or its URL. */
    DeadLetterQueue named(String name) {
        List<DeadLetterQueue> all = all();
        return all.stream().filter(d -> d.queue().logicalId().equals(name) || d.queue().url().equals(name)
                        || d.queue().url().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no dead-letter queue " + name + " in stack " + stack.name()
                        + "; there are " + all.stream().map(d -> d.queue().logicalId()).toList()));
    }

    private static String deadLetterTarget(String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) return null;
        try {
            JsonNode p = JSON.readTree(redrivePolicy);
            return p.hasNonNull("deadLetterTargetArn") ? p.get("deadLetterTargetArn").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One parked message as an operator reads it. */
    record Parked(String messageId, String originalMessageId, String reason, int receiveCount, Instant firstReceivedAt,
                  Instant sentAt, String groupId, String body, String receiptHandle, Map<String, MessageAttributeValue> attributes) {

        static Parked of(Message m) {
            Map<String, String> sys = m.attributesAsStrings();
            String reason = text(m.messageAttributes().get("reason"));
            String source = text(m.messageAttributes().get("sourceMessageId"));
            // this receive is counted too: report the receives before it
            int receives = Math.max(0, Integer.parseInt(sys.getOrDefault("ApproximateReceiveCount", "1")) - 1);
            return new Parked(m.messageId(), source == null || source.equals("unknown") ? m.messageId() : source,
                    reason == null ? "none given: moved by SQS after the source queue's maxReceiveCount" : reason, receives,
                    millis(sys.get("ApproximateFirstReceiveTimestamp")), millis(sys.get("SentTimestamp")),
                    sys.get("MessageGroupId"), m.body(), m.receiptHandle(), m.messageAttributes());
        }

        private static String text(MessageAttributeValue v) {
            return v == null ? null : v.stringValue();
        }

        private static Instant millis(String v) {
            return v == null || v.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(v));
        }
    }

    /**
     * Receives up to {@code max} messages and hands them back at once (visibility 0), so listing leaves
     * the queue as it was. A FIFO queue shows a group's messages only while none of it is in flight, so a
     * listing of a FIFO queue can stop short of its depth.
     */
    List<Parked> peek(Queue q, int max, Progress progress) {
        List<Parked> seen = new ArrayList<>();
        Map<String, String> handles = new LinkedHashMap<>();
        try {
            while (seen.size() < max) {
                List<Message> batch = receive(q, Math.min(10, max - seen.size()), 30);
                if (batch.isEmpty()) break;
                for (Message m : batch) {
                    if (handles.putIfAbsent(m.messageId(), m.receiptHandle()) == null) seen.add(Parked.of(m));
                }
                progress.step(batch.size());
            }
        } finally {
            handles.values().forEach(h -> release(q, h));
        }
        return seen;
    }

    List<Message> receive(Queue q, int max, int visibilitySeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(max).visibilityTimeout(visibilitySeconds)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    void release(Queue q, String receiptHandle) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(q.url()).receiptHandle(receiptHandle).visibilityTimeout(0));
        } catch (RuntimeException e) {
            // it becomes visible again when its visibility timeout ends; nothing is lost
        }
    }
}
