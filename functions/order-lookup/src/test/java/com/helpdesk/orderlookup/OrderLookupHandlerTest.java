package com.helpdesk.orderlookup;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.orders.OrderContext;
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
import com.helpdesk.queue.SqsTestRecords;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.helpdesk.queue.SqsTestRecords.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The lookup function over real-shaped bus events (events/bus): each record succeeds or fails on its own, a
 * failed lookup comes back with backoff, and the last attempt parks the event with the reason.
 */
class OrderLookupHandlerTest {
    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:order-lookup";
    private static final String REASON = "shopify: demo.myshopify.com answered 503";
    private final TicketOrderLookup lookup = mock(TicketOrderLookup.class);
    private final CustomerOrdersRefresh webhooks = mock(CustomerOrdersRefresh.class);
    private final CustomerRedaction redaction = mock(CustomerRedaction.class);
    private final QueueBackoff backoff = mock(QueueBackoff.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final CustomerDataExport exports = mock(CustomerDataExport.class);
    private final ShopErasure shops = mock(ShopErasure.class);
    private final OrderWebhookQueue continuations = mock(OrderWebhookQueue.class);
    private final OrderLookupHandler handler = new OrderLookupHandler(lookup, webhooks, redaction, exports, shops, continuations, backoff,
            deadLetters, 3);

    @BeforeEach
    void lookupsSucceedByDefault() {
        when(lookup.run(anyString(), any(), anyBoolean())).thenReturn(new Outcome.NoStore());
    }

    @Test
    void aNewTicketIsLookedUpWholeAndACustomerMessageByItsId() throws Exception {
        SQSBatchResponse response = handler.handle(batch(record("r1", ticketCreated("t1"), 1), record("r2", messageAdded("t2", "m2"), 1)), null);
        assertThat(failed(response)).isEmpty();
        verify(lookup).run(eq("t1"), isNull(), eq(false));
        verify(lookup).run("t2", "m2", false);
    }

    @Test
    void aFailedLookupFailsAloneAndComesBackWithBackoff() throws Exception {
        when(lookup.run("t1", null, false)).thenReturn(new Outcome.RetryLater(REASON));
        SQSBatchResponse response = handler.handle(batch(record("r1", ticketCreated("t1"), 2), record("r2", ticketCreated("t2"), 1)), null);
        assertThat(failed(response)).containsExactly("r1");
        verify(backoff).retryLater(eq(ARN), eq("handle-r1"), anyMap());
        verify(lookup).run("t2", null, false);
        verify(deadLetters, never()).park(any(), any(), any());
    }

    @Test
    void theLastAttemptMarksTheTicketAndParksTheEventWithTheReason() throws Exception {
        OrderContext unavailable = new OrderContext("main", OrderContext.Status.UNAVAILABLE, REASON, Instant.now(), null, List.of());
        when(lookup.run("t1", null, true)).thenReturn(new Outcome.GaveUp(unavailable, REASON));
        String body = ticketCreated("t1");
        SQSBatchResponse response = handler.handle(batch(record("r1", body, 3)), null);
        assertThat(failed(response)).as("parked, so not redelivered").isEmpty();
        verify(deadLetters).park(body, "r1", "after 3 attempts: " + REASON);
        verify(backoff, never()).retryLater(any(), any(), any());
    }

    @Test
    void anEventThatCannotBeReadIsParkedAtOnceWithTheReason() throws Exception {
        SQSBatchResponse response = handler.handle(batch(record("r1", "{not json", 1),
                record("r2", "{\"detail-type\":\"MessageAdded\",\"detail\":{\"ticketId\":\"t2\"}}", 1),
                record("r3", ticketCreated("t3"), 1)), null);
        assertThat(failed(response)).isEmpty();
        verify(deadLetters).park("{not json", "r1", "the message is not JSON");
        verify(deadLetters).park(any(), eq("r2"), eq("MessageAdded without detail.ticketId or detail.data.messageId"));
        verify(lookup, never()).run(eq("t2"), any(), anyBoolean());
        verify(lookup).run("t3", null, false);
    }

    @Test
    void anErrorOfTheFunctionItselfIsFailedBackForTheRedrivePolicy() throws Exception {
        when(lookup.run("t1", null, false)).thenThrow(new IllegalStateException("DynamoDB unavailable"));
        SQSBatchResponse response = handler.handle(batch(record("r1", ticketCreated("t1"), 1), record("r2", ticketCreated("t2"), 1)), null);
        assertThat(failed(response)).containsExactly("r1");
        verify(lookup).run("t2", null, false);
    }

    @Test
    void aQueuedWebhookRefreshesTheCustomersTicketsAndComesBackWithBackoffWhenTheShopFails() throws Exception {
        OrderWebhook webhook = new OrderWebhook("main", "fulfillments/create", "evt-1", null, "ana@example.com", null, "5001", List.of());
        when(webhooks.refresh(webhook, false)).thenReturn(new CustomerOrdersRefresh.Result(2, 0, null));
        when(webhooks.refresh(webhook, true)).thenReturn(new CustomerOrdersRefresh.Result(0, 0, REASON));
        String body = OrderWebhookCodec.encode(webhook);

        assertThat(failed(handler.handle(batch(record("r1", body, 1)), null))).isEmpty();
        verify(webhooks).refresh(webhook, false);
        verify(lookup, never()).run(any(), any(), anyBoolean());

        assertThat(failed(handler.handle(batch(record("r2", body, 3)), null))).as("parked on the last attempt").isEmpty();
        verify(deadLetters).park(body, "r2", "after 3 attempts: " + REASON);

        when(webhooks.refresh(webhook, false)).thenReturn(new CustomerOrdersRefresh.Result(0, 0, REASON));
        assertThat(failed(handler.handle(batch(record("r3", body, 1)), null))).containsExactly("r3");
        verify(backoff).retryLater(eq(ARN), eq("handle-r3"), anyMap());
    }

    @Test
    void aQueuedCustomerRedactionRunsTheErasureAndAFailureComesBackThroughTheQueue() throws Exception {
        OrderWebhook webhook = new OrderWebhook("main", "customers/redact", "evt-2", "191167", "john@example.com", null, null, List.of("299938"));
        when(redaction.redact(webhook)).thenReturn(new RedactionJob("customer#main#ab", "main", "customers/redact", List.of(), 2,
                Instant.now(), Instant.now())).thenThrow(new IllegalStateException("DynamoDB unavailable"));
        String body = OrderWebhookCodec.encode(webhook);
        assertThat(failed(handler.handle(batch(record("r1", body, 1)), null))).isEmpty();
        assertThat(failed(handler.handle(batch(record("r2", body, 1)), null))).containsExactly("r2");
        verify(webhooks, never()).refresh(any(), anyBoolean());
    }

    @Test
    void aShopRedactionRunsSliceBySliceEachQueuingTheNextUntilTheStoreIsErased() throws Exception {
        OrderWebhook webhook = new OrderWebhook("eu", "shop/redact", "evt-4", null, null, null, null, List.of());
        ShopErasureJob started = new ShopErasureJob("shop#eu#evt-4", "eu", "shop/redact", "tkt_25", 25, Instant.now(), null);
        when(shops.eraseSlice(webhook)).thenReturn(started).thenReturn(started.after("tkt_26").finished(Instant.now()))
                .thenThrow(new IllegalStateException("DynamoDB unavailable"));
        String body = OrderWebhookCodec.encode(webhook);

        assertThat(failed(handler.handle(batch(record("r1", body, 1)), null))).isEmpty();
        verify(continuations).enqueue(webhook);
        assertThat(failed(handler.handle(batch(record("r2", body, 1)), null))).isEmpty();
        verify(continuations).enqueue(webhook); // still once: the store is erased
        assertThat(failed(handler.handle(batch(record("r3", body, 1)), null))).as("resumes from the checkpoint").containsExactly("r3");
        verify(deadLetters, never()).park(any(), any(), any());
    }

    @Test
    void aQueuedDataRequestIsExportedAndAFailureComesBackThroughTheQueue() throws Exception {
        OrderWebhook webhook = new OrderWebhook("main", "customers/data_request", "evt-3", "191167", "john@example.com", null, null, List.of());
        when(exports.export(webhook)).thenReturn(java.util.Optional.empty()).thenThrow(new IllegalStateException("S3 unavailable"));
        String body = OrderWebhookCodec.encode(webhook);
        assertThat(failed(handler.handle(batch(record("r1", body, 1)), null))).isEmpty();
        assertThat(failed(handler.handle(batch(record("r2", body, 1)), null))).containsExactly("r2");
        verify(deadLetters, never()).park(anyString(), anyString(), anyString());
    }

    static String messageAdded(String ticketId, String messageId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/MessageAdded.json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        ((ObjectNode) e.get("detail").get("data")).put("messageId", messageId).put("authorType", "customer");
        return Json.mapper().writeValueAsString(e);
    }

    static String ticketCreated(String ticketId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/TicketCreated.json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        return Json.mapper().writeValueAsString(e);
    }

    static SQSEvent.SQSMessage record(String id, String body, int receives) {
        return SqsTestRecords.record(ARN, id, body, Map.of("ApproximateReceiveCount", String.valueOf(receives), "SentTimestamp", "1795435200000"));
    }


    static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
