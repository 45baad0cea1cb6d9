package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.Observation;
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
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/** The metrics queue's batch over real-shaped SQS records of bus events (events/bus): an unreadable one is parked with its reason. */
class MetricsHandlerTest {
    private final MetricsService service = mock(MetricsService.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final MetricsHandler handler = new MetricsHandler(service, figures -> { }, deadLetters);

    @Test
    void anUnreadableEventIsParkedWithItsReasonAndTheRestOfTheBatchIsFolded() throws Exception {
        String created = Files.readString(Path.of("../../events/bus/TicketCreated.json"));
        ObjectNode withoutEventId = (ObjectNode) Json.mapper().readTree(created);
        ((ObjectNode) withoutEventId.get("detail")).remove("eventId");
        SQSBatchResponse r = handler.handle(batch(
                record("m1", created),
                record("m2", "{\"version\":\"0\",\"detail-type\":\"TicketCreated\",\"detail\":"),
                record("m3", Json.mapper().writeValueAsString(withoutEventId)),
                record("m4", "[1, 2]")), null);

        assertThat(r.getBatchItemFailures()).isEmpty();
        verify(service).apply(eq(Json.mapper().readTree(created).at("/detail/ticketId").asText()), any(Observation.class));
        verify(deadLetters).park(eq("{\"version\":\"0\",\"detail-type\":\"TicketCreated\",\"detail\":"), eq("m2"), startsWith("not JSON: "));
        verify(deadLetters).park(eq(Json.mapper().writeValueAsString(withoutEventId)), eq("m3"),
                eq("not a ticket event: TicketCreated without detail.eventId, detail.ticketId or detail.occurredAt"));
        verify(deadLetters).park("[1, 2]", "m4", "not a ticket event: the message is not a JSON object");
        verifyNoMoreInteractions(deadLetters);
    }

    @Test
    void anEventThatCouldNotBeParkedComesBackThroughTheQueue() {
        doThrow(new IllegalStateException("SQS unavailable")).when(deadLetters).park(any(), any(), any());
        SQSBatchResponse r = handler.handle(batch(record("m1", "not json")), null);
        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("m1");
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsTestRecords.record("arn:aws:sqs:eu-west-1:123456789012:helpdesk-MetricsQueue", id, body);
    }
}
