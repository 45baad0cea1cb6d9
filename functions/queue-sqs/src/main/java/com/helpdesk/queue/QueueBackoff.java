package com.helpdesk.queue;

import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.function.Supplier;

/**
 * Exponential backoff for a queue message that failed transiently: its visibility timeout is set to
 * 2^(receives-1) seconds (capped), so the retry comes back later each time instead of after the queue's
 * fixed visibility timeout.
 */
public final class QueueBackoff {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueueBackoff.class);
    static final int MAX_SECONDS = 900;
    private final Supplier<SqsClient> sqs;

    public QueueBackoff(SqsClient sqs) {
        this(() -> sqs);
    }

    /** @param sqs the client, asked for on the first retry: most invocations never back off, so a function builds it then */
    public QueueBackoff(Supplier<SqsClient> sqs) {
        this.sqs = sqs;
    }

    static int delaySeconds(int receiveCount) {
        int n = Math.max(1, Math.min(receiveCount, 11));
        return Math.min(MAX_SECONDS, 1 << (n - 1));
    }

    /**
     * Delays the message's next delivery by its backoff; when that cannot be set, the queue's own
     * visibility timeout applies, which is a longer wait but no loss.
     *
     * @param queueArn   the event source ARN of the message (arn:aws:sqs:region:account:name)
     * @param attributes the message's system attributes (ApproximateReceiveCount)
     */
    public void retryLater(String queueArn, String receiptHandle, java.util.Map<String, String> attributes) {
        int receives = Integer.parseInt(attributes == null ? "1" : attributes.getOrDefault("ApproximateReceiveCount", "1"));
        try {
            String[] arn = queueArn.split(":");
            SqsClient client = sqs.get();
            String url = client.getQueueUrl(b -> b.queueName(arn[5]).queueOwnerAWSAccountId(arn[4])).queueUrl();
            client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(delaySeconds(receives)));
        } catch (RuntimeException e) {
            log.warn("backoff not set; the queue's visibility timeout applies", e);
        }
    }
}
