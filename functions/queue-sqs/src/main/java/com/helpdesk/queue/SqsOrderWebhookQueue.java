package com.helpdesk.queue;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.OrderWebhookQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.function.Supplier;

/** Checked Shopify webhooks to the order lookup queue (standard: order among them does not matter, each re-reads Shopify). */
public final class SqsOrderWebhookQueue implements OrderWebhookQueue {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsOrderWebhookQueue(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** @param sqs the client, asked for on the first enqueue (a function that enqueues rarely builds it then) */
    public SqsOrderWebhookQueue(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(OrderWebhook webhook) {
        String body = OrderWebhookCodec.encode(webhook);
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
