package com.helpdesk.inboundemail;

import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email intake's SnapStart primer runs the decoders on its samples: what it would enqueue is the sample mail
 * normalised (it takes no store, queue or rate counter, so it can reach none).
 */
class InboundEmailPrimingTest {
    @Test
    void theSampleMailIsReadAndNormalisedAsAReceivedOneIs() {
        ReplyAddress replies = new ReplyAddress("test-key-0123456789abcdef01234567".getBytes(StandardCharsets.UTF_8), "support@priming.invalid");

        InboundMessage message = InboundEmailPriming.prime(new EmailIntake(replies, List.of("support@priming.invalid")), "inbound/");

        assertThat(message.kind()).isEqualTo(InboundMessage.Kind.MESSAGE);
        assertThat(message.dedupeKey()).contains("snapstart-priming");
        assertThat(message.requester().email()).isEqualTo("priming@priming.invalid");
        assertThat(message.subject()).isEqualTo("Where is my order?");
    }
}
