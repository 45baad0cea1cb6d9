package com.helpdesk.queue;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Every field set, the nested records too, with text a mail can carry. */
    private static InboundMessage full() {
        return new InboundMessage("email:msgid:<b2@mail.example.com>",
                List.of(new ThreadKey("number:1001", "signed reply address"), new ThreadKey("email:msgid:<a1@x>", "in-reply-to <a1@x>"),
                        new ThreadKey("number:1002", "subject token [#1002]", true)),
                Channel.EMAIL, new Requester("jürgen@example.com", "+4930123456", "Jürgen \"Jo\" Müller", Map.of("shopify", "7001", "whatsapp", "4930123456")),
                "Re: Wo ist 🚚?", "Zeile 1\r\nZeile 2 </script> \u0000", "<p>Hallo</p>",
                List.of(new Attachment("att/tkt_1/a1", "rechnung.pdf", "application/pdf", 3_000_000_000L, "<cid-1>"),
                        new Attachment("att/tkt_1/a2", null, null, 0, null)),
                Instant.parse("2026-12-01T10:00:00.123456Z"), List.of("spam", "mime-repaired"), "<b2@mail.example.com>",
                new Attachment("raw/b2", "original.eml", "message/rfc822", 1234, null), InboundMessage.Kind.BOUNCE,
                new InboundMessage.Bounce("<r1@eu-west-1.amazonses.com>", "jo@example.com", "failed", "550 5.1.1 unknown user"),
                List.of("support@eu.example.com"));
    }

    private static InboundMessage sparse() {
        return new InboundMessage("chat:c:msg:1", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void theQueueJsonHasTheNamesAndShapesJacksonsRecordBindingWrote() throws Exception {
        for (InboundMessage m : List.of(full(), sparse(), mail("<p>x</p>"))) {
            assertThat(Json.mapper().readTree(InboundMessageCodec.encode(m))).isEqualTo(Json.mapper().readTree(Json.mapper().writeValueAsString(m)));
        }
    }

    @Test
    void aMessageQueuedByJacksonsRecordBindingReadsTheSame() throws Exception {
        for (InboundMessage m : List.of(full(), sparse(), mail(null))) {
            assertThat(InboundMessageCodec.decode(Json.mapper().writeValueAsString(m))).isEqualTo(m);
            assertThat(InboundMessageCodec.decode(InboundMessageCodec.encode(m))).isEqualTo(m);
        }
    }

    @Test
    void aKeyItDoesNotKnowIsSkipped() {
        String newer = InboundMessageCodec.encode(mail(null)).replaceFirst("\\{", "{\"priority\":\"high\",");
        assertThat(InboundMessageCodec.decode(newer)).isEqualTo(mail(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]|the body is not a JSON object",
            "null|the body is JSON null",
            "{\"threadKeys\":[{\"reason\":\"x\"}]}|threadKeys[0].key is required",
            "{\"threadKeys\":[null]}|threadKeys[0] is null",
            "{\"threadKeys\":{}}|threadKeys is not a list",
            "{\"threadKeys\":[{\"key\":\"k\",\"participantsOnly\":\"yes\"}]}|threadKeys[0].participantsOnly is not true or false",
            "{\"requester\":{\"email\":5}}|requester.email is not a string",
            "{\"requester\":{\"externalIds\":{\"shopify\":null}}}|requester.externalIds.shopify is null",
            "{\"requester\":\"jo@example.com\"}|requester is not a JSON object",
            "{\"attachments\":[{\"size\":\"big\"}]}|attachments[0].size is not a whole number",
            "{\"attachments\":[{\"size\":1.5}]}|attachments[0].size is not a whole number",
            "{\"receivedAt\":\"yesterday\"}|receivedAt is not an ISO-8601 instant",
            "{\"channel\":\"FAX\"}|channel is not one of [EMAIL, CHAT, PHONE, SOCIAL, WEB, API]",
            "{\"kind\":\"message\"}|kind is not one of [MESSAGE, AUTO_REPLY, BOUNCE, STATUS]",
            "{\"tags\":[\"a\",7]}|tags[1] is not a string",
            "{\"bounce\":[]}|bounce is not a JSON object",
            "{\"subject\":\"a\",\"subject\":\"b\"}|the key \"subject\" appears more than once in the same object",
    })
    void whatIsNotAnInboundMessageIsRefusedNamingTheField(String body, String reason) {
        assertThatThrownBy(() -> InboundMessageCodec.decode(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an inbound message: " + reason);
    }
}
