package com.helpdesk.queue;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.List;
import java.util.UUID;

/**
 * Replays what is parked in a dead-letter queue to its source queue, once the cause is fixed: each message
 * is sent to the source (a FIFO source keeps the message's group, with a fresh deduplication id, so the
 * replay is not taken for the original within SQS's five-minute window) and only then deleted from the
 * dead-letter queue, so a crash midway repeats a message rather than losing it (the consumers are idempotent).
 * In AWS, {@code aws sqs start-message-move-task} does the same; this is the local stack's equivalent
 * (ElasticMQ's move task does not move messages that a function parked itself) and the operators' fallback.
 */
public final class DeadLetterRedrive {
    private final SqsClient sqs;

    public DeadLetterRedrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** @return how many messages were replayed */
    public int replay(String deadLetterQueueUrl, String sourceQueueUrl) {
        int replayed = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(10).visibilityTimeout(60)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            if (batch.isEmpty()) return replayed;
            for (Message m : batch) {
                sqs.sendMessage(b -> {
                    b.queueUrl(sourceQueueUrl).messageBody(m.body());
                    if (sourceQueueUrl.endsWith(".fifo")) {
                        String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                        b.messageGroupId(group == null ? "redrive" : group).messageDeduplicationId("redrive-" + UUID.randomUUID());
                    }
                });
                sqs.deleteMessage(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(m.receiptHandle()));
                replayed++;
            }
        }
    }
}
