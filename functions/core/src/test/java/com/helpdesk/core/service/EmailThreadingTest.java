package com.helpdesk.core.service;

import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.email.DeliveryReport;
import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.Mailbox;
import com.helpdesk.core.email.MailVerdicts;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The email rules of threading, on the channel-agnostic processor, without I/O. */
class EmailThreadingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk service = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final ReplyAddress replies = new ReplyAddress("secret-key-for-tests-0123456789ab".getBytes(StandardCharsets.UTF_8),
            "support@help.example.com");
    private final EmailIntake intake = new EmailIntake(replies, List.of("support@help.example.com"));
    private int n;

    private Email mail(String from, String subject, String inReplyTo, Map<String, List<String>> headers, DeliveryReport report) {
        n++;
        return new Email("<m" + n + "@mail.example.com>", inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo),
                new Mailbox(null, from), List.of(), List.of(new Mailbox(null, "support@help.example.com")), List.of(), subject,
                "text " + n, "text " + n, null, List.of(), headers, report == null ? "text/plain" : "multipart/report; report-type=delivery-status",
                report, List.of(), false);
    }

    private InboundResult receive(Email m, String... recipients) {
        return receive(m, MailVerdicts.NONE, recipients);
    }

    private InboundResult receive(Email m, MailVerdicts v, String... recipients) {
        EmailIntake.Receipt r = new EmailIntake.Receipt("ses-" + n, List.of(recipients.length == 0 ? new String[]{"support@help.example.com"} : recipients),
                m.from().address(), clock.instant(), v, new Attachment("inbound/ses-" + n, "original.eml", "message/rfc822", 10, null));
        return service.inbound().receive(intake.toInbound(m, r, false));
    }

    @Test
    void theSubjectTokenCountsOnlyForTheTicketsParticipants() {
        String id = receive(mail("jane@example.com", "Help", null, Map.of(), null)).ticketId();
        long number = service.queries().get(id).ticket().number();
        InboundResult own = receive(mail("jane@example.com", "Re: Help [#" + number + "]", null, Map.of(), null));
        assertThat(own.ticketId()).isEqualTo(id);
        assertThat(own.reason()).isEqualTo("subject token [#" + number + "]");
        InboundResult stranger = receive(mail("eve@example.com", "Re: Help [#" + number + "]", null, Map.of(), null));
        assertThat(stranger.outcome()).isEqualTo(InboundResult.Outcome.CREATED);
        assertThat(stranger.ticketId()).isNotEqualTo(id);
    }

    @Test
    void aNewTicketKeepsTheAddressesItsMailWasSentToEnvelopeFirstWithoutTheSender() {
        Email m = new Email("<eu1@mail.example.com>", null, List.of(), new Mailbox(null, "jane@example.com"), List.of(),
                List.of(new Mailbox("EU Support", "Support@EU.example.com")),
                List.of(new Mailbox(null, "friend@example.com"), new Mailbox(null, "jane@example.com")), "Hallo", "text", "text", null,
                List.of(), Map.of("delivered-to", List.of("<eu-inbox@help.example.com>")), "text/plain", null, List.of(), false);
        String id = receive(m, "helpdesk-eu@help.example.com").ticketId();
        assertThat(service.queries().get(id).ticket().recipients()).as("what says the ticket's store")
                .containsExactly("helpdesk-eu@help.example.com", "eu-inbox@help.example.com", "support@eu.example.com", "friend@example.com");
    }

    @Test
    void theSignedReplyAddressWinsOverEverythingElse() {
        String first = receive(mail("jane@example.com", "One", null, Map.of(), null)).ticketId();
        String second = receive(mail("jane@example.com", "Two", null, Map.of(), null)).ticketId();
        long firstNumber = service.queries().get(first).ticket().number();
        long secondNumber = service.queries().get(second).ticket().number();
        // answers the second ticket's token in the subject, but is addressed to the first's reply address
        InboundResult r = receive(mail("jane@example.com", "Re: [#" + secondNumber + "]", null, Map.of(), null), replies.forTicket(firstNumber));
        assertThat(r.ticketId()).isEqualTo(first);
        assertThat(r.reason()).isEqualTo("signed reply address");
    }

    @Test
    void anAnswerToAnyMessageIdOfTheThreadFindsTheTicket() {
        Email original = mail("jane@example.com", "Help", null, Map.of(), null);
        String id = receive(original).ticketId();
        InboundResult cc = receive(mail("colleague@example.com", "Re: Help", original.messageId(), Map.of(), null));
        assertThat(cc.ticketId()).as("a reply-all from someone else, answering the customer's own mail").isEqualTo(id);
        assertThat(cc.reason()).startsWith("in-reply-to");
    }

    @Test
    void autoRepliesJoinWithoutReopeningAndOpenNothingOnTheirOwn() {
        Email original = mail("jane@example.com", "Help", null, Map.of(), null);
        String id = receive(original).ticketId();
        service.commands().update(id, new TicketChange(Status.PENDING, null, null, null, null, null, null), OptionalLong.empty(), Actor.agent("a"));
        Map<String, List<String>> auto = Map.of("auto-submitted", List.of("auto-replied"));
        InboundResult joined = receive(mail("jane@example.com", "Out of office", original.messageId(), auto, null));
        assertThat(joined.ticketId()).isEqualTo(id);
        assertThat(service.queries().get(id).ticket().status()).isEqualTo(Status.PENDING);
        InboundResult alone = receive(mail("robot@example.com", "I am away", null, auto, null));
        assertThat(alone.outcome()).isEqualTo(InboundResult.Outcome.UNTHREADED);
        assertThat(repo.unthreaded).hasSize(1);
        assertThat(repo.tickets).hasSize(1);
    }

    @Test
    void aBounceMarksTheReplyItReportsAsFailedWithANote() {
        String id = receive(mail("jane@example.com", "Help", null, Map.of(), null)).ticketId();
        Message reply = service.commands().addMessage(id, new NewMessage("Answer", null, Visibility.PUBLIC, null, null), OptionalLong.empty(),
                Actor.agent("alice")).messages().get(1);
        assertThat(reply.delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
        service.deliveries().recordDelivery(id, reply.id(), DeliveryOutcome.sent("ses-1", "<ses-1@email.amazonses.com>",
                List.of(EmailIntake.messageIdKey("<ses-1@email.amazonses.com>"))), Actor.system("outbound-email"));
        DeliveryReport report = new DeliveryReport("jane@example.com", "failed", "5.1.1", "550 user unknown", "<ses-1@email.amazonses.com>");
        InboundResult r = receive(mail("MAILER-DAEMON@mx.example.com", "Undelivered", null, Map.of(), report));
        assertThat(r.ticketId()).isEqualTo(id);
        var thread = service.queries().get(id);
        Message bounced = thread.messages().stream().filter(m -> m.id().equals(reply.id())).findFirst().orElseThrow();
        assertThat(bounced.delivery().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(bounced.delivery().detail()).contains("5.1.1").contains("jane@example.com");
        Message note = thread.messages().get(thread.messages().size() - 1);
        assertThat(note.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(thread.ticket().status()).as("no reopening").isEqualTo(Status.OPEN);
    }

    @Test
    void verdictsBecomeTagsAndAVirusDropsTheAttachments() {
        Email m = new Email("<v@x>", null, List.of(), new Mailbox(null, "jane@example.com"), List.of(), List.of(), List.of(), "s", "t", "t",
                null, List.of(new Attachment("attachments/a/1", "x.exe", "application/octet-stream", 3, null)), Map.of(), "text/plain", null,
                List.of(), false);
        InboundMessage in = intake.toInbound(m, new EmailIntake.Receipt("ses", List.of(), null, clock.instant(),
                new MailVerdicts("FAIL", "FAIL", "PASS", "PASS", "FAIL"), null), false);
        assertThat(in.tags()).containsExactlyInAnyOrder("spam", "virus", "dmarc-fail");
        assertThat(in.attachments()).isEmpty();
    }

    @Test
    void aFloodingSenderIsCollectedOnOneTicketPerHour() {
        EmailIntake.Receipt r = new EmailIntake.Receipt("ses", List.of(), null, clock.instant(), MailVerdicts.NONE, null);
        String first = service.inbound().receive(intake.toInbound(mail("bot@example.com", "spam 1", null, Map.of(), null), r, true)).ticketId();
        String second = service.inbound().receive(intake.toInbound(mail("bot@example.com", "spam 2", null, Map.of(), null), r, true)).ticketId();
        assertThat(second).isEqualTo(first);
        assertThat(service.queries().get(first).ticket().tags()).contains("rate-limited");
        assertThat(service.queries().get(first).messages()).hasSize(2);
    }
}
