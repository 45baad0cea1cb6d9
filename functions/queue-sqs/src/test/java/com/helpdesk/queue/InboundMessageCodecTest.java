package com.helpdesk.queue;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound message through the queue: the addresses a mail was sent to (a ticket's store) arrive with it. */
class InboundMessageCodecTest {
    private static InboundMessage mail(String html) {
        return new InboundMessage("email:msgid:a1@mail.example.com", List.of(), Channel.EMAIL, Requester.of("r", "jane@example.com", null, "Jane", null),
                "Hallo", "Wo ist EU-1001?", html, List.of(), Instant.parse("2026-12-01T10:00:00Z"), List.of(), "a1@mail.example.com", null,
                InboundMessage.Kind.MESSAGE, null, List.of("support@eu.example.com", "friend@example.com"));
    }

    @Test
    void theRecipientsSurviveTheQueueAlsoWhenTheHtmlIsCutToFit() {
        assertThat(InboundMessageCodec.decode(InboundMessageCodec.encode(mail("<p>Wo?</p>"))).recipients())
                .containsExactly("support@eu.example.com", "friend@example.com");
        InboundMessage big = InboundMessageCodec.decode(InboundMessageCodec.encode(mail("<p>" + "x".repeat(300_000) + "</p>")));
        assertThat(big.html()).as("cut to fit the queue").isNull();
        assertThat(big.recipients()).containsExactly("support@eu.example.com", "friend@example.com");
    }

    @Test
    void aMessageQueuedBeforeRecipientsWereRecordedReadsWithNone() {
        String queued = InboundMessageCodec.encode(mail(null)).replaceAll(",\"recipients\":\\[[^]]*]", "");
        assertThat(queued).doesNotContain("recipients");
        assertThat(InboundMessageCodec.decode(queued).recipients()).isEmpty();
    }
}
