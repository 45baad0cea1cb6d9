package com.helpdesk.mail;

import com.helpdesk.core.email.Email;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryReportTest {
    static Email parse(String raw) throws Exception {
        return new MimeParser().parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), MimeParser.DISCARD);
    }

    @Test
    void anRfc3464ReportNamesTheRecipientTheStatusAndTheBouncedMessage() throws Exception {
        String dsn = "From: MAILER-DAEMON@email.amazonses.com\r\nTo: support@help.example.com\r\nSubject: Delivery Status Notification (Failure)\r\n"
                + "Message-ID: <dsn-1@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nAn error occurred while trying to deliver the mail.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a8-1.smtp-out.amazonses.com\r\n\r\n"
                + "Final-Recipient: rfc822; erin@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@help.example.com\r\nTo: erin@example.com\r\n"
                + "Message-ID: <abc@email.amazonses.com>\r\nSubject: Re: Help\r\n--r--\r\n";
        Email mail = parse(dsn);
        assertThat(mail.report()).as(mail.toString()).isNotNull();
        assertThat(mail.report().recipient()).isEqualTo("erin@example.com");
        assertThat(mail.report().status()).isEqualTo("5.1.1");
        assertThat(mail.report().diagnostic()).isEqualTo("550 5.1.1 user unknown");
        assertThat(mail.report().originalMessageId()).isEqualTo("<abc@email.amazonses.com>");
        assertThat(mail.report().failed()).isTrue();
    }
}
