package com.helpdesk.orderlookup;

import com.helpdesk.core.event.EventTypes;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.queue.SqsEvents;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderContextRefresh.Outcome;
import com.helpdesk.core.orders.CustomerOrdersRefresh;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.privacy.CustomerDataExport;
import com.helpdesk.core.privacy.CustomerRedaction;
import com.helpdesk.core.privacy.RedactionJob;
import com.helpdesk.core.privacy.ShopErasure;
import com.helpdesk.core.privacy.ShopErasureJob;
import com.helpdesk.core.orders.OrderWebhookQueue;
import com.helpdesk.core.orders.TicketOrderLookup;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.OrderWebhookCodec;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.queue.QueueRecords;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.queue.QueuePriming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;


/**
 * Consumes TicketCreated and customer MessageAdded events from OrderLookupQueue and refreshes the ticket's
 * order context. A failed lookup comes back through the queue with backoff; on the last attempt the ticket
 * shows the context marked unavailable with the reason and the event is parked in OrderLookupDeadLetterQueue
 * with that reason. An event that cannot be read is parked at once. Each record succeeds or fails on its own
 * (ReportBatchItemFailures); an error of the function itself is failed back, and the queue's redrive policy
 * is the net under it.
 */
public final class OrderLookupHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(OrderLookupHandler.class);
    private final TicketOrderLookup lookup;
    private final CustomerOrdersRefresh webhooks;
    private final CustomerRedaction redaction;
    private final CustomerDataExport exports;
    private final ShopErasure shops;
    private final OrderWebhookQueue continuations;
    private final QueueBackoff backoff;
    private final DeadLetters deadLetters;
    private final int maxAttempts;

    public OrderLookupHandler() {
        this(OrderLookupWiring.forQueue());
    }

    private OrderLookupHandler(OrderLookupWiring wiring) {
        this(wiring.tickets(), wiring.webhooks(), wiring.redaction(), wiring.exports(), wiring.shops(), wiring.continuations(),
                wiring.backoff(), wiring.deadLetters(), wiring.config().maxAttempts());
        SnapStartPriming.register(this::prime);
    }

    /** @param continuations the function's own queue: a store's erasure queues its next slice there */
    public OrderLookupHandler(TicketOrderLookup lookup, CustomerOrdersRefresh webhooks, CustomerRedaction redaction, CustomerDataExport exports,
                              ShopErasure shops, OrderWebhookQueue continuations, QueueBackoff backoff, DeadLetters deadLetters, int maxAttempts) {
        this.lookup = lookup;
        this.webhooks = webhooks;
        this.redaction = redaction;
        this.exports = exports;
        this.shops = shops;
        this.continuations = continuations;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
    }

    /** What a queued message says: a ticket (and for MessageAdded which message), or a checked Shopify webhook. */
    record Trigger(String ticketId, String messageId, OrderWebhook webhook) {
        Trigger(String ticketId, String messageId) {
            this(ticketId, messageId, null);
        }

        static Trigger decode(String body) {
            JsonNode event;
            try {
                event = Json.mapper().readTree(body);
            } catch (Exception e) {
                throw new IllegalArgumentException("the message is not JSON");
            }
            if (event != null && OrderWebhookCodec.DETAIL_TYPE.equals(event.path("detail-type").asText())) {
                return new Trigger(null, null, OrderWebhookCodec.decode(event));
            }
            String type = event == null ? "" : event.path("detail-type").asText("");
            JsonNode detail = event == null ? null : event.path("detail");
            String ticketId = detail == null ? null : detail.path("ticketId").asText(null);
            if (!type.equals(EventTypes.TICKET_CREATED) && !type.equals(EventTypes.MESSAGE_ADDED)) {
                throw new IllegalArgumentException("not a TicketCreated or MessageAdded event: detail-type '" + type + "'");
            }
            String messageId = detail.path("data").path("messageId").asText(null);
            if (ticketId == null || type.equals(EventTypes.MESSAGE_ADDED) && messageId == null) {
                throw new IllegalArgumentException(type + " without detail.ticketId" + (type.equals(EventTypes.MESSAGE_ADDED) ? " or detail.data.messageId" : ""));
            }
            return new Trigger(ticketId, type.equals(EventTypes.MESSAGE_ADDED) ? messageId : null);
        }
    }

    /**
     * SnapStart priming, read-only: a TicketCreated through the queue's decoder, and its lookup on the never-issued
     * ticket, which reads the thread, finds nothing and is skipped (no shop asked, no context stored).
     */
    void prime() {
        Trigger trigger = Trigger.decode(QueuePriming.busEvent(EventTypes.TICKET_CREATED));
        Outcome outcome = lookup.run(trigger.ticketId(), trigger.messageId(), false);
        if (!(outcome instanceof Outcome.Skipped)) throw new IllegalStateException("priming expected no ticket " + trigger.ticketId() + ", got " + outcome);
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (SqsEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsEvents.serve(input, output, event -> handle(event, context));
    }

    /** One batch, read. */
    public SQSBatchResponse handle(SQSEvent event, Context context) {
        return QueueRecords.consume(event, context, this::handled);
    }

    /** @return false when the record is to come back through the queue */
    private boolean handled(SQSEvent.SQSMessage m) {
        Trigger trigger;
        try {
            trigger = Trigger.decode(m.getBody());
        } catch (IllegalArgumentException unreadable) {
            return QueueRecords.park(deadLetters, m, unreadable.getMessage(), "order lookup", log);
        }
        int receives = receives(m);
        boolean last = receives >= maxAttempts;
        if (trigger.webhook() != null) return webhookHandled(m, trigger.webhook(), receives, last);
        Invocation.ticket(trigger.ticketId());
        try {
            Outcome outcome = lookup.run(trigger.ticketId(), trigger.messageId(), last);
            if (outcome instanceof Outcome.GaveUp gaveUp) {
                park(m, "after " + receives + " attempts: " + gaveUp.reason());
            } else if (outcome instanceof Outcome.RetryLater retry && last) {
                park(m, "after " + receives + " attempts: " + retry.reason());
            } else if (outcome instanceof Outcome.RetryLater retry) {
                log.warn("order lookup retried: {}", retry.reason());
                backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
                return false;
            } else {
                // the outcome's name only: a context holds the customer's personal data, which stays out of logs
                log.info("order lookup: {}", outcome instanceof Outcome.Skipped skipped ? "skipped: " + skipped.why() : outcome.getClass().getSimpleName());
            }
            return true;
        } catch (RuntimeException e) {
            log.error("order lookup failed; the queue redelivers it", e);
            return false;
        }
    }

    /** An order webhook refreshes the customer's open tickets; a failed refresh comes back with backoff like a lookup. */
    private boolean webhookHandled(SQSEvent.SQSMessage m, OrderWebhook webhook, int receives, boolean last) {
        try {
            if (webhook.kind() == OrderWebhook.Kind.CUSTOMER_REDACT) {
                // an error comes back through the queue; the job resumes where it stopped
                RedactionJob job = redaction.redact(webhook);
                log.info("shopify {} {}: {} tickets redacted (job {})", webhook.topic(), webhook.eventId(), job.done(), job.id());
                return true;
            }
            if (webhook.kind() == OrderWebhook.Kind.CUSTOMER_DATA_REQUEST) {
                // an error comes back through the queue; a redelivery of an answered request does nothing
                var exported = exports.export(webhook);
                log.info("shopify {} {}: {}", webhook.topic(), webhook.eventId(),
                        exported.map(e -> e.tickets() + " tickets exported to " + e.objectKey()).orElse("answered before"));
                return true;
            }
            if (webhook.kind() == OrderWebhook.Kind.SHOP_REDACT) {
                ShopErasureJob job = shops.eraseSlice(webhook);
                // A large store takes more slices than the queue's receive count allows one message: each slice queues
                // the next as a new message. An error before this comes back through the queue and resumes the checkpoint.
                if (job.finishedAt() == null) continuations.enqueue(webhook);
                log.info("shopify {} {}: {} tickets redacted{} (job {})", webhook.topic(), webhook.eventId(), job.done(),
                        job.finishedAt() == null ? " so far, continued" : ", store erased", job.id());
                return true;
            }
            if (webhook.kind() != OrderWebhook.Kind.ORDERS_CHANGED) {
                park(m, "topic " + webhook.topic() + " is not handled by this function");
                return true;
            }
            CustomerOrdersRefresh.Result result = webhooks.refresh(webhook, last);
            if (result.retryReason() == null) {
                log.info("shopify webhook {} {}: {} tickets refreshed, {} skipped", webhook.topic(), webhook.eventId(), result.refreshed(), result.skipped());
                return true;
            }
            if (last) {
                park(m, "after " + receives + " attempts: " + result.retryReason());
                return true;
            }
            log.warn("shopify webhook {} retried: {}", webhook.topic(), result.retryReason());
            backoff.retryLater(m.getEventSourceArn(), m.getReceiptHandle(), m.getAttributes());
            return false;
        } catch (RuntimeException e) {
            log.error("shopify webhook failed; the queue redelivers it", e);
            return false;
        }
    }

    private static int receives(SQSEvent.SQSMessage m) {
        String count = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void park(SQSEvent.SQSMessage m, String reason) {
        deadLetters.park(m.getBody(), m.getMessageId(), reason);
        log.error("order lookup parked in the dead-letter queue: {}", reason);
    }
}
