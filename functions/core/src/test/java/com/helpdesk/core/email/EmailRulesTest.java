package com.helpdesk.core.email;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRulesTest {
    private final ReplyAddress replies = new ReplyAddress("k".repeat(32).getBytes(StandardCharsets.UTF_8), "support@help.example.com");

    @Test
    void aSignedReplyAddressNamesItsTicketAndCannotBeForgedOrMoved() {
        String a = replies.forTicket(1042);
        assertThat(a).matches("support\\+1042-k0-[0-9a-f]{20}@help\\.example\\.com");
        assertThat(a.substring(0, a.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(replies.ticketNumber(a)).hasValue(1042);
        assertThat(replies.ticketNumber(a.toUpperCase())).as("servers may change the case").hasValue(1042);
        String tag = a.substring(a.indexOf('-') + 1, a.indexOf('@'));
        assertThat(replies.ticketNumber("support+1043-" + tag + "@help.example.com")).as("moved to another ticket").isEmpty();
        assertThat(replies.ticketNumber("support+1042-00000000000000000000@help.example.com")).isEmpty();
        assertThat(replies.ticketNumber(a.replace("help.example.com", "evil.example.com"))).isEmpty();
        assertThat(replies.ticketNumber("support@help.example.com")).isEmpty();
        ReplyAddress otherKey = new ReplyAddress("x".repeat(32).getBytes(StandardCharsets.UTF_8), "support@help.example.com");
        assertThat(otherKey.ticketNumber(a)).as("another deployment's key").isEmpty();
    }

    @Test
    void theSubjectTokenIsWrittenOnceAndReadBack() {
        assertThat(SubjectToken.replySubject("Where is my order?", 1042)).isEqualTo("Re: Where is my order? [#1042]");
        assertThat(SubjectToken.replySubject("Re: Where is my order? [#1042]", 1042)).isEqualTo("Re: Where is my order? [#1042]");
        assertThat(SubjectToken.find("AW: Re: [#77] Rückfrage")).hasValue(77);
        assertThat(SubjectToken.find("order #1042")).as("an order number is not a token").isEmpty();
    }

    @Test
    void quotedHistoryAndSignaturesAreCutButAnAllQuotedMessageIsKept() {
        assertThat(QuotedText.visible("Yes please.\n\nOn Tue, 4 Nov 2025 at 09:00, Shop <s@x.com> wrote:\n> Shall we?")).isEqualTo("Yes please.");
        assertThat(QuotedText.visible("Ok\n\nVon meinem iPhone gesendet")).isEqualTo("Ok");
        assertThat(QuotedText.visible("Answer 1\n> question 1\nAnswer 2\n> question 2")).isEqualTo("Answer 1\nAnswer 2");
        assertThat(QuotedText.visible("> only a quote")).isEqualTo("> only a quote");
        assertThat(QuotedText.visible("Thanks\n\nFrom: Shop\nSent: Monday\nTo: me\nSubject: x\n\nold")).isEqualTo("Thanks");
        assertThat(QuotedText.visible("From: my new address is below\nThanks")).as("one From: line is no header block")
                .isEqualTo("From: my new address is below\nThanks");
    }

    @Test
    void aMessageIdSesGaveNamesTheProviderIdTheReplyKeeps() {
        assertThat(EmailIntake.providerIdOf("<0100019a-abc-000000@email.amazonses.com>")).isEqualTo("0100019a-abc-000000");
        assertThat(EmailIntake.providerIdOf("<0102019a-abc-000000@eu-west-1.amazonses.com>")).isEqualTo("0102019a-abc-000000");
        assertThat(EmailIntake.providerIdOf("<reply-1@help.example.com>")).as("not SES's: kept").isEqualTo("<reply-1@help.example.com>");
    }

    @Test
    void readReceiptsComplaintsAndSnsMailAreMachineMail() {
        assertThat(MailNotice.ofDisposition("manual-action/MDN-sent-manually; displayed")).isEqualTo(MailNotice.Type.READ);
        assertThat(MailNotice.ofDisposition("automatic-action/MDN-sent-automatically; displayed/error")).isEqualTo(MailNotice.Type.READ);
        assertThat(MailNotice.ofDisposition("manual-action/MDN-sent-manually; deleted")).isEqualTo(MailNotice.Type.DELIVERED);
        assertThat(AutoReplies.reason(mail("jane@example.com", "multipart/report; report-type=disposition-notification; boundary=x"), List.of()))
                .hasValue("read-receipt");
        assertThat(AutoReplies.reason(mail("fbl@isp.example", "multipart/report; report-type=\"feedback-report\""), List.of())).hasValue("complaint");
        assertThat(AutoReplies.reason(mail("no-reply@sns.amazonaws.com", "text/plain"), List.of())).hasValue("sns-notification");
        assertThat(AutoReplies.reason(mail("jane@example.com", "multipart/mixed; boundary=report-type"), List.of())).isEmpty();
    }

    private static Email mail(String from, String contentType) {
        return new Email("<a@b>", null, List.of(), new Mailbox(null, from), List.of(), List.of(), List.of(), "s", "t", "t", null, List.of(),
                java.util.Map.of(), contentType, null, List.of(), false);
    }
}
