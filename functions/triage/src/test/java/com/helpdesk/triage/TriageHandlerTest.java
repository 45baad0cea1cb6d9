package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.triage.TicketTriage;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.SqsTestRecords;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.helpdesk.queue.SqsTestRecords.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The triage function over real-shaped bus events (events/bus): each record succeeds, is parked or fails on its own. */
class TriageHandlerTest {
    private final TicketTriage tickets = mock(TicketTriage.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final TriageHandler handler = new TriageHandler(tickets, deadLetters);

    @Test
    void aNewTicketIsClassifiedOnItsLatestCustomerMessageACustomerMessageByItsIdAndAnOrderContextAsEvidence() throws Exception {
        when(tickets.classify(any(), any())).thenReturn(Optional.empty());
        when(tickets.classifyOnOrderContext(any())).thenReturn(Optional.empty());

        SQSBatchResponse response = handler.handle(batch(record("r1", event("TicketCreated", "t1", null, null)),
                record("r2", event("MessageAdded", "t2", "m2", "customer")), record("r3", event("OrderContextUpdated", "t3", null, null))), null);

        assertThat(failed(response)).isEmpty();
        verify(tickets).classify("t1", null);
        verify(tickets).classify("t2", "m2");
        verify(tickets).classifyOnOrderContext("t3"); // recorded even when the verdict is the same: the auto-answer waits for it
        verify(tickets, never()).classify(eq("t3"), any());
    }

    @Test
    void anAgentsMessageIsNotClassified() throws Exception {
        SQSBatchResponse response = handler.handle(batch(record("r1", event("MessageAdded", "t1", "m1", "agent"))), null);

        assertThat(failed(response)).isEmpty();
        verify(tickets, never()).classify(any(), any());
    }

    @Test
    void anUnreadableEventOrAMissingTicketIsParkedWithTheReason() throws Exception {
        when(tickets.classify("gone", null)).thenThrow(new NotFoundException("ticket gone not found"));

        SQSBatchResponse response = handler.handle(batch(record("r1", "{not json"),
                record("r2", "{\"detail-type\":\"StatusChanged\",\"detail\":{\"ticketId\":\"t2\"}}"),
                record("r3", event("TicketCreated", "gone", null, null))), null);

        assertThat(failed(response)).isEmpty();
        verify(deadLetters).park("{not json", "r1", "the message is not JSON");
        verify(deadLetters).park(any(), eq("r2"), eq("not a TicketCreated, MessageAdded or OrderContextUpdated event: detail-type 'StatusChanged'"));
        verify(deadLetters).park(any(), eq("r3"), eq("ticket gone not found"));
    }

    @Test
    void anyOtherFailureFailsTheRecordAloneForRedelivery() throws Exception {
        when(tickets.classify("t1", null)).thenThrow(new IllegalStateException("DynamoDB unavailable"));
        when(tickets.classify("t2", null)).thenReturn(Optional.empty());

        SQSBatchResponse response = handler.handle(batch(record("r1", event("TicketCreated", "t1", null, null)),
                record("r2", event("TicketCreated", "t2", null, null))), null);

        assertThat(failed(response)).containsExactly("r1");
        verify(deadLetters, never()).park(any(), any(), any());
    }

    static String event(String type, String ticketId, String messageId, String authorType) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/" + type + ".json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        if (messageId != null) ((ObjectNode) e.get("detail").get("data")).put("messageId", messageId).put("authorType", authorType);
        return Json.mapper().writeValueAsString(e);
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsTestRecords.record("arn:aws:sqs:eu-west-1:123456789012:triage", id, body);
    }


    static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
