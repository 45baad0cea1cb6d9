package com.helpdesk.core.orders;

/** Where the webhook intake hands a checked webhook to the worker (a queue with retries and a dead letter). */
public interface OrderWebhookQueue {
    void enqueue(OrderWebhook webhook);
}
