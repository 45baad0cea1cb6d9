package com.helpdesk.ops;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves parked messages back to their source queue. Each message is deleted from the dead-letter queue
 * only after its send succeeded: an interruption leaves it parked (it becomes visible again), never
 * lost. For a FIFO source the message keeps its group and gets a deduplication id derived from its
 * original message id, so sending the same message twice (a redrive interrupted between send and
 * delete, then run again) still enqueues it once. A standard queue has no deduplication: there the
 * consumers' own idempotency (the inbound dedupe record, the delivery claim) absorbs such a repeat.
 */
final class Redrive {
    /** Attributes that describe the parking, not the message: the next failure writes its own. */
    private static final List<String> PARKING_ATTRIBUTES = List.of("reason", "sourceMessageId");
    /** How long a received message stays hidden while it is being moved. */
    static final int VISIBILITY_SECONDS = 60;

    record Result(int moved, int failed) {}

    private final SqsClient sqs;
    private final DeadLetterQueues queues;

    Redrive(SqsClient sqs, DeadLetterQueues queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    Result run(DeadLetterQueues.DeadLetterQueue dlq, int max, Progress progress, Consumer<String> report) {
        DeadLetterQueues.Queue source = dlq.source();
        if (source == null) {
            throw new NotFoundException(dlq.queue().logicalId() + " is no queue's RedrivePolicy target: its messages are failure "
                    + "records with no source queue to go back to (see docs/runbook.md)");
        }
        Instant started = Instant.now();
        Set<String> handled = new HashSet<>();
        int moved = 0;
        int failed = 0;
        while (moved + failed < max) {
            List<Message> batch = queues.receive(dlq.queue(), Math.min(10, max - moved - failed), VISIBILITY_SECONDS);
            int parkedBefore = 0;
            for (Message m : batch) {
                DeadLetterQueues.Parked p = DeadLetterQueues.Parked.of(m);
                // parked after this run began, or moved once already (a poisoned message that failed again,
                // parked by the consumer or moved back by SQS with its id): left for the next run, or a redrive
                // of it would never end
                if (p.sentAt() != null && !p.sentAt().isBefore(started) || !handled.add(p.messageId())) {
                    queues.release(dlq.queue(), p.receiptHandle());
                    continue;
                }
                parkedBefore++;
                try {
                    sqs.sendMessage(sendRequest(source, p));
                } catch (RuntimeException e) {
                    failed++;
                    queues.release(dlq.queue(), p.receiptHandle());
                    report.accept("not moved " + p.messageId() + ": " + e.getMessage());
                    progress.step(1);
                    continue;
                }
                sqs.deleteMessage(b -> b.queueUrl(dlq.queue().url()).receiptHandle(p.receiptHandle()));
                moved++;
                progress.step(1);
            }
            // a message that failed stays in the queue: receiving again could hand it back forever
            if (failed > 0 || parkedBefore == 0) break;
        }
        return new Result(moved, failed);
    }

    static SendMessageRequest sendRequest(DeadLetterQueues.Queue source, DeadLetterQueues.Parked p) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(p.attributes());
        PARKING_ATTRIBUTES.forEach(attributes::remove);
        SendMessageRequest.Builder b = SendMessageRequest.builder().queueUrl(source.url()).messageBody(p.body())
                .messageAttributes(attributes);
        if (source.fifo()) {
            b.messageGroupId(p.groupId() == null ? "redrive" : p.groupId()).messageDeduplicationId(deduplicationId(p.originalMessageId()));
        }
        return b.build();
    }

    /** Fresh (not the original send's id, which the queue may still remember) and the same on every redrive of a message. */
    static String deduplicationId(String originalMessageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("redrive:" + originalMessageId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
