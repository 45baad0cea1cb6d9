package com.helpdesk.queue;

import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Parks a queue message that can never succeed (it cannot be read) in the dead-letter queue right away,
 * with the reason as a message attribute, instead of retrying it until the redrive policy gives up.
 */
public final class DeadLetters {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public DeadLetters(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    private DeadLetters(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * Dead letters whose SQS client is built on the first parking: a function whose only SQS call is parking (the
     * inbound processor, triage, routing, the auto-answer) then builds no SQS client at init, where most
     * invocations never park (cold start time and memory).
     */
    public static DeadLetters buildingClientOnFirstUse(Supplier<SqsClient> client, String queueUrl) {
        return new DeadLetters(Lazy.of(client), queueUrl);
    }

    public void park(String body, String sourceMessageId, String reason) {
        String why = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        sqs.get().sendMessage(b -> {
            b.queueUrl(queueUrl).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                    .messageAttributes(Map.of("reason", MessageAttributeValue.builder().dataType("String").stringValue(why).build(),
                            "sourceMessageId", MessageAttributeValue.builder().dataType("String")
                                    .stringValue(sourceMessageId == null ? "unknown" : sourceMessageId).build()));
            if (queueUrl.endsWith(".fifo")) {
                b.messageGroupId("dead-letters").messageDeduplicationId(SqsInboundQueue.sha256(String.valueOf(sourceMessageId)).substring(0, 64));
            }
        });
    }
}
