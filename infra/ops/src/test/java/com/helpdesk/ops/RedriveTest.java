package com.helpdesk.ops;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveTest {
    private static final DeadLetterQueues.Queue FIFO = new DeadLetterQueues.Queue("InboundQueue", "http://q/inbound.fifo", "arn:fifo", true);
    private static final DeadLetterQueues.Queue STANDARD = new DeadLetterQueues.Queue("OutboundEmailQueue", "http://q/email", "arn:std", false);

    private static DeadLetterQueues.Parked parked(String messageId, String original, String group) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "reason", MessageAttributeValue.builder().dataType("String").stringValue("throttled").build(),
                "sourceMessageId", MessageAttributeValue.builder().dataType("String").stringValue(original).build(),
                "channel", MessageAttributeValue.builder().dataType("String").stringValue("email").build());
        return new DeadLetterQueues.Parked(messageId, original, "throttled", 1, Instant.EPOCH, Instant.EPOCH, group, "{\"body\":1}",
                "handle", attributes);
    }

    @Test
    void aFifoRedriveKeepsTheGroupAndDeduplicatesByTheOriginalMessageId() {
        SendMessageRequest first = Redrive.sendRequest(FIFO, parked("dlq-1", "orig-1", "thread-42"));
        SendMessageRequest again = Redrive.sendRequest(FIFO, parked("dlq-2", "orig-1", "thread-42"));
        assertThat(first.queueUrl()).isEqualTo("http://q/inbound.fifo");
        assertThat(first.messageGroupId()).isEqualTo("thread-42");
        assertThat(first.messageBody()).isEqualTo("{\"body\":1}");
        assertThat(first.messageDeduplicationId()).hasSize(64).isEqualTo(again.messageDeduplicationId())
                .isNotEqualTo(Redrive.sendRequest(FIFO, parked("dlq-1", "orig-2", "thread-42")).messageDeduplicationId())
                .doesNotContain("orig-1");
    }

    @Test
    void theParkingAttributesStayBehindAndTheMessagesOwnGoAlong() {
        SendMessageRequest r = Redrive.sendRequest(STANDARD, parked("dlq-1", "orig-1", null));
        assertThat(r.messageAttributes()).containsOnlyKeys("channel");
        assertThat(r.messageGroupId()).isNull();
        assertThat(r.messageDeduplicationId()).isNull();
        assertThat(Redrive.sendRequest(FIFO, parked("dlq-1", "orig-1", null)).messageGroupId()).isEqualTo("redrive");
    }

    @Test
    void theBarShowsTheShareDone() {
        assertThat(Progress.render("moving", 3, 10)).isEqualTo("moving [#########.....................]  30% 3/10");
        assertThat(Progress.render("moving", 10, 10)).isEqualTo("moving [##############################] 100% 10/10");
    }

    @Test
    void optionsAreReadStrictly() {
        OpsArgs a = OpsArgs.parse(new String[]{"dlq", "redrive", "--queue", "Q", "--max=5", "--dry-run"});
        assertThat(a.words()).containsExactly("dlq", "redrive");
        assertThat(a.get("--queue")).isEqualTo("Q");
        assertThat(a.positiveInt("--max", 1)).isEqualTo(5);
        assertThat(a.flag("--dry-run")).isTrue();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpsArgs.parse(new String[]{"--max", "0"}).positiveInt("--max", 1)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--max must be a positive whole number");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpsArgs.parse(new String[]{"--queue"})))
                .isInstanceOf(UsageException.class).hasMessageContaining("--queue needs a value");
    }
}
