package com.helpdesk.core.service;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.MailNotice;
import com.helpdesk.core.email.MailVerdicts;
import com.helpdesk.core.email.Mailbox;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Read receipts, delivery notices and complaints through the processor: they never open a ticket. */
class MachineMailThreadingTest {
    private static final String SES_ID = "0100019a4a5e6f70-8a9b0c1d-2e3f-4a5b-6c7d-8e9f0a1b2c3d-000000";
    private static final String SES_MESSAGE_ID = "<" + SES_ID + "@eu-west-1.amazonses.com>";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk service = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final EmailIntake intake = new EmailIntake(new ReplyAddress("secret-key-for-tests-0123456789ab".getBytes(StandardCharsets.UTF_8),
            "support@help.example.com"), List.of("support@help.example.com"));
    private int n;

    private Email mail(String from, String subject, String inReplyTo, String contentType, MailNotice notice) {
        n++;
        return new Email("<m" + n + "@mail.example.com>", inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo),
                new Mailbox(null, from), List.of(), List.of(new Mailbox(null, "support@help.example.com")), List.of(), subject,
                "text " + n, "text " + n, null, List.of(), Map.of(), contentType, null, notice, List.of(), false);
    }

    private InboundResult receive(Email m) {
        return service.inbound().receive(intake.toInbound(m, new EmailIntake.Receipt("ses-" + n, List.of("support@help.example.com"),
                m.from().address(), clock.instant(), MailVerdicts.NONE, null), false));
    }

    /** A ticket with one public reply sent through SES under {@link #SES_MESSAGE_ID}. */
    private Message sentReply(String ticketId) {
        Message reply = service.commands().addMessage(ticketId, new NewMessage("Answer", null, Visibility.PUBLIC, null, null), OptionalLong.empty(),
                Actor.agent("alice")).messages().get(1);
        service.deliveries().recordDelivery(ticketId, reply.id(),
                DeliveryOutcome.sent(SES_ID, SES_MESSAGE_ID, List.of(EmailIntake.messageIdKey(SES_MESSAGE_ID))), Actor.system("outbound-email"));
        return reply;
    }

    @Test
    void aReadReceiptMarksTheReplyReadAndOpensNothing() {
        String id = receive(mail("jane@example.com", "Help", null, "text/plain", null)).ticketId();
        Message reply = sentReply(id);
        int messages = service.queries().get(id).messages().size();
        MailNotice read = new MailNotice(MailNotice.Type.READ, "jane@example.com", "manual-action/MDN-sent-manually; displayed", SES_MESSAGE_ID);
        InboundResult r = receive(mail("jane@example.com", "Read: Re: Help [#1]", null, "multipart/report; report-type=disposition-notification", read));
        assertThat(r.ticketId()).isEqualTo(id);
        var thread = service.queries().get(id);
        assertThat(thread.messages()).as("no message added: the receipt is news about the reply").hasSize(messages);
        assertThat(thread.messages().stream().filter(m -> m.id().equals(reply.id())).findFirst().orElseThrow().delivery().status())
                .isEqualTo(DeliveryStatus.READ);
        assertThat(repo.tickets).hasSize(1);
    }

    @Test
    void aReceiptOrComplaintAboutNothingWeKnowIsKeptUnthreadedNeverATicket() {
        MailNotice read = new MailNotice(MailNotice.Type.READ, "x@example.com", "displayed", "<unknown@elsewhere.example>");
        InboundResult receipt = receive(mail("x@example.com", "Read: hello", null, "multipart/report; report-type=disposition-notification", read));
        MailNotice complaint = new MailNotice(MailNotice.Type.COMPLAINT, "y@example.org", "abuse", SES_MESSAGE_ID);
        InboundResult abuse = receive(mail("no-reply@sns.amazonaws.com", "AWS Notification Message", null, "text/plain", complaint));
        InboundResult bare = receive(mail("z@example.com", "Read: hi", null, "multipart/report; report-type=disposition-notification", null));
        assertThat(List.of(receipt.outcome(), abuse.outcome(), bare.outcome())).containsOnly(InboundResult.Outcome.UNTHREADED);
        assertThat(repo.tickets).isEmpty();
        assertThat(repo.unthreaded).hasSize(3);
    }
}
