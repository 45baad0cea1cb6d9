package com.helpdesk.autoanswer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.deflection.WismoAutoAnswer;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.SqsTestRecords;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.helpdesk.queue.SqsTestRecords.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The auto-answer function over the real-shaped IntentClassified sample (events/bus): each record succeeds, is parked or fails on its own. */
class AutoAnswerHandlerTest {
    private final WismoAutoAnswer autoAnswer = mock(WismoAutoAnswer.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final AutoAnswerHandler handler = new AutoAnswerHandler(autoAnswer, deadLetters);

    @Test
    void anIntentClassifiedEventAsksForADecisionOnItsTicket() throws Exception {
        when(autoAnswer.onIntentClassified(any())).thenReturn(Optional.empty());

        SQSBatchResponse response = handler.handle(batch(record("r1", event("t1")), record("r2", event("t2"))), null);

        assertThat(failed(response)).isEmpty();
        verify(autoAnswer).onIntentClassified("t1");
        verify(autoAnswer).onIntentClassified("t2");
    }

    @Test
    void anUnreadableEventOrAMissingTicketIsParkedWithTheReason() throws Exception {
        when(autoAnswer.onIntentClassified("gone")).thenThrow(new NotFoundException("no ticket gone"));

        SQSBatchResponse response = handler.handle(batch(record("r1", "{not json"),
                record("r2", "{\"detail-type\":\"StatusChanged\",\"detail\":{\"ticketId\":\"t2\"}}"), record("r3", event("gone"))), null);

        assertThat(failed(response)).isEmpty();
        verify(deadLetters).park("{not json", "r1", "the message is not JSON");
        verify(deadLetters).park(any(), eq("r2"), eq("not an IntentClassified event: detail-type 'StatusChanged'"));
        verify(deadLetters).park(any(), eq("r3"), eq("no ticket gone"));
    }

    @Test
    void anyOtherFailureFailsTheRecordAloneForRedelivery() throws Exception {
        when(autoAnswer.onIntentClassified("t1")).thenThrow(new IllegalStateException("DynamoDB unavailable"));
        when(autoAnswer.onIntentClassified("t2")).thenReturn(Optional.empty());

        SQSBatchResponse response = handler.handle(batch(record("r1", event("t1")), record("r2", event("t2"))), null);

        assertThat(failed(response)).containsExactly("r1");
        verify(deadLetters, never()).park(any(), any(), any());
    }

    @Test
    void theConfigurationRefusesAnAutoAnswerThresholdNotAboveTheTaggingOne() {
        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "helpdesk", "INTENT_THRESHOLD_PERCENT", "60",
                "AUTO_ANSWER_THRESHOLD_PERCENT", "85", "AUTO_ANSWER_VIP_CUSTOMER_TAG", "VIP Gold", "TEAM_TIMEZONE", "Europe/Berlin",
                "DEAD_LETTER_QUEUE_URL", "http://localhost:9324/000000000000/auto-answer-dlq", "AWS_REGION", "eu-west-1"));
        AutoAnswerConfig config = AutoAnswerConfig.read(EnvironmentReader.of(env));
        assertThat(config.wismo().threshold()).isEqualTo(0.85);
        assertThat(config.wismo().vipCustomerTag()).isEqualTo("VIP Gold");

        env.put("AUTO_ANSWER_THRESHOLD_PERCENT", "50");
        assertThatThrownBy(() -> AutoAnswerConfig.read(EnvironmentReader.of(env))).hasMessageContaining("must be above the intent threshold");
        env.put("AUTO_ANSWER_VIP_CUSTOMER_TAG", "vip,gold");
        assertThatThrownBy(() -> AutoAnswerConfig.read(EnvironmentReader.of(env))).hasMessageContaining("AUTO_ANSWER_VIP_CUSTOMER_TAG");
    }

    static String event(String ticketId) throws Exception {
        ObjectNode e = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("../../events/bus/IntentClassified.json")));
        ((ObjectNode) e.get("detail")).put("ticketId", ticketId);
        return Json.mapper().writeValueAsString(e);
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsTestRecords.record("arn:aws:sqs:eu-west-1:123456789012:auto-answer", id, body);
    }


    static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
