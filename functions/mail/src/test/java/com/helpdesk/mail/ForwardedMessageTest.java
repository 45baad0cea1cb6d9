package com.helpdesk.mail;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.ticket.Attachment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forwarded message (message/rfc822) longer than the part of it read for its header reaches the sink whole,
 * byte for byte, named after its subject: its header is read first, the rest streams on.
 */
class ForwardedMessageTest {

    @Test
    void aLongForwardedMessageReachesTheSinkWholeAndNamedAfterItsSubject() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 300_000; i++) body.append("line ").append(i).append(" of the original order confirmation\r\n");
        String inner = "From: Shop <orders@shop.example.com>\r\nTo: anna@example.com\r\nSubject: =?utf-8?Q?Best=C3=A4tigung_4711?=\r\n"
                + "Message-ID: <orig-4711@shop.example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        String outer = "From: Anna <anna@example.com>\r\nTo: support@help.example.com\r\nSubject: Fwd: order 4711\r\n"
                + "Message-ID: <fwd-1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the confirmation below.\r\n"
                + "--b1\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--b1--\r\n";
        List<byte[]> received = new ArrayList<>();
        Email mail = new MimeParser().parse(new ByteArrayInputStream(outer.getBytes(StandardCharsets.UTF_8)), (filename, type, cid, content) -> {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            long n = content.transferTo(copy);
            received.add(copy.toByteArray());
            return new Attachment("test/" + filename, filename, type, n, cid);
        });

        assertThat(mail.text()).contains("See the confirmation below.");
        assertThat(mail.attachments()).extracting(Attachment::filename, Attachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Bestätigung 4711.eml", "message/rfc822"));
        assertThat(new String(received.get(0), StandardCharsets.UTF_8)).isEqualTo(inner);
    }
}
