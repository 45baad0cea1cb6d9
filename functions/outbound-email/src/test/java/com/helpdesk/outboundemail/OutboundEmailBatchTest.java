package com.helpdesk.outboundemail;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.service.RetryLater;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.queue.SqsTestRecords;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.helpdesk.queue.SqsTestRecords.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * ReportBatchItemFailures: a batch of real-shaped bus events (events/bus) where one record is poison fails
 * that record alone; every other record is handled exactly once.
 */
class OutboundEmailBatchTest {
    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:outbound-email";
    private final OutboundDelivery sender = mock(OutboundDelivery.class);
    private final EmailNotices notices = mock(EmailNotices.class);
    private final QueueBackoff backoff = mock(QueueBackoff.class);
    private final OperationalMetrics metrics = mock(OperationalMetrics.class);
    private final OutboundEmailHandler handler = new OutboundEmailHandler(sender, notices, backoff, metrics);

    @BeforeEach
    void healthySesByDefault() {
        when(sender.deliver(any(), any())).thenReturn(SendOutcome.SENT);
        when(notices.acknowledge(any())).thenReturn(Optional.empty());
    }

    @Test
    void aReplyWhoseSendingThrowsIsTheOnlyFailure() throws Exception {
        when(sender.deliver("t2", "m2")).thenThrow(new IllegalStateException("SES is throttling"));
        SQSBatchResponse response = handler.handle(batch(
                record("r1", messageAdded("t1", "m1")), record("r2", messageAdded("t2", "m2")),
                record("r3", ticketCreated("t3")), record("r4", messageAdded("t4", "m4"))), null);

        assertThat(failed(response)).containsExactly("r2");
        verify(sender, times(1)).deliver("t1", "m1");
        verify(sender, times(1)).deliver("t4", "m4");
        verify(notices, times(1)).acknowledge("t3");
    }

    @Test
    void aReplyToRetryLaterFailsAloneWithBackoff() throws Exception {
        when(sender.deliver("t1", "m1")).thenThrow(new RetryLater("SES throttled"));
        SQSBatchResponse response = handler.handle(batch(record("r1", messageAdded("t1", "m1")), record("r2", messageAdded("t2", "m2"))), null);

        assertThat(failed(response)).containsExactly("r1");
        verify(backoff).retryLater(eq(ARN), eq("handle-r1"), anyMap());
        verify(sender, times(1)).deliver("t2", "m2");
    }

    @Test
    void anUnreadableRecordFailsAloneSoTheRedrivePolicyParksItInsteadOfDroppingIt() throws Exception {
        SQSBatchResponse response = handler.handle(batch(record("r1", messageAdded("t1", "m1")), record("r2", "{not json"),
                record("r3", "{\"detail-type\":\"MessageAdded\",\"detail\":{\"ticketId\":\"t3\"}}"), record("r4", messageAdded("t4", "m4"))), null);

        assertThat(failed(response)).containsExactly("r2", "r3");
        verify(sender, times(1)).deliver("t1", "m1");
        verify(sender, times(1)).deliver("t4", "m4");
        verify(sender, never()).deliver(eq("t3"), any());
    }

    static String messageAdded(String ticketId, String messageId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/MessageAdded.json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        ((ObjectNode) e.get("detail").get("data")).put("messageId", messageId);
        return Json.mapper().writeValueAsString(e);
    }

    static String ticketCreated(String ticketId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/TicketCreated.json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        return Json.mapper().writeValueAsString(e);
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsTestRecords.record(ARN, id, body, Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1795435200000"));
    }


    static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
