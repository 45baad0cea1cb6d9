package com.helpdesk.routing;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.routing.TicketRouting;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.SqsTestRecords;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.helpdesk.queue.SqsTestRecords.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The routing function over real-shaped bus events (events/bus): each record succeeds, is parked or fails on its own. */
class RoutingHandlerTest {
    private final TicketRouting routing = mock(TicketRouting.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final RoutingHandler handler = new RoutingHandler(routing, deadLetters);

    @Test
    void newReclassifiedAndOrderMatchedTicketsAreRoutedAndChangesReconcileLoads() throws Exception {
        when(routing.route(any())).thenReturn(List.of());
        SQSBatchResponse response = handler.handle(batch(record("r1", event("TicketCreated", "t1")),
                record("r2", event("IntentClassified", "t2")), record("r3", event("OrderContextUpdated", "t3")),
                record("r4", event("Assigned", "t4")), record("r5", event("StatusChanged", "t5"))), null);

        assertThat(failed(response)).isEmpty();
        for (String t : List.of("t1", "t2", "t3")) verify(routing).route(t);
        for (String t : List.of("t1", "t2", "t3", "t4", "t5")) verify(routing).reconcile(t);
        verify(routing, never()).route("t4");
    }

    @Test
    void anUnreadableEventOrAMissingTicketIsParkedWithTheReasonAndATicketClosedMeanwhileIsDone() throws Exception {
        when(routing.route("gone")).thenThrow(new NotFoundException("ticket gone not found"));
        when(routing.route("closed")).thenThrow(new StateConflictException("ticket-closed", "the ticket is closed and cannot be changed"));

        SQSBatchResponse response = handler.handle(batch(record("r1", "{not json"),
                record("r2", "{\"detail-type\":\"Tagged\",\"detail\":{\"ticketId\":\"t2\"}}"),
                record("r3", event("TicketCreated", "gone")), record("r4", event("TicketCreated", "closed"))), null);

        assertThat(failed(response)).isEmpty();
        verify(deadLetters).park("{not json", "r1", "the message is not JSON");
        verify(deadLetters).park(any(), eq("r2"), eq("not an event routing reads (TicketCreated, IntentClassified, "
                + "OrderContextUpdated, Assigned, StatusChanged): detail-type 'Tagged'"));
        verify(deadLetters).park(any(), eq("r3"), eq("ticket gone not found"));
    }

    @Test
    void anyOtherFailureFailsTheRecordAloneForRedelivery() throws Exception {
        when(routing.route("t1")).thenThrow(new IllegalStateException("DynamoDB unavailable"));
        when(routing.route("t2")).thenReturn(List.of("damage"));

        SQSBatchResponse response = handler.handle(batch(record("r1", event("TicketCreated", "t1")),
                record("r2", event("TicketCreated", "t2"))), null);

        assertThat(failed(response)).containsExactly("r1");
        verify(deadLetters, never()).park(any(), any(), any());
    }

    static String event(String type, String ticketId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/" + type + ".json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        return Json.mapper().writeValueAsString(e);
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsTestRecords.record("arn:aws:sqs:eu-west-1:123456789012:routing", id, body);
    }


    static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
