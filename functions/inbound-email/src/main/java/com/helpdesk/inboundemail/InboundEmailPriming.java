package com.helpdesk.inboundemail;

import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.email.Email;
import com.helpdesk.mail.MimeParser;
import com.helpdesk.queue.InboundMessageCodec;
import com.helpdesk.runtime.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SnapStart priming of the email intake, decoders only: an SES receipt event read, a mail parsed (its parts
 * discarded, nothing stored), normalised and encoded for the inbound queue. Receiving a mail reads the raw source from
 * S3, stores its attachments, counts its sender and enqueues it: none of that is run.
 */
final class InboundEmailPriming {
    private static final String MESSAGE_ID = "snapstart-priming";
    private static final String SES_EVENT = "{\"Records\":[{\"eventSource\":\"aws:ses\",\"eventVersion\":\"1.0\",\"ses\":{"
            + "\"mail\":{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"source\":\"priming@priming.invalid\",\"messageId\":\"" + MESSAGE_ID + "\","
            + "\"destination\":[\"support@priming.invalid\"]},\"receipt\":{\"recipients\":[\"support@priming.invalid\"],"
            + "\"spamVerdict\":{\"status\":\"PASS\"},\"virusVerdict\":{\"status\":\"PASS\"},\"spfVerdict\":{\"status\":\"PASS\"},"
            + "\"dkimVerdict\":{\"status\":\"PASS\"},\"dmarcVerdict\":{\"status\":\"PASS\"}}}}]}";
    private static final String RAW_MAIL = "From: Priming <priming@priming.invalid>\r\nTo: support@priming.invalid\r\n"
            + "Subject: Where is my order?\r\nMessage-ID: <snapstart-priming@priming.invalid>\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Hello, my order 4001 has not arrived yet.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + "<p>Hello, my order 4001 has not arrived yet.</p>\r\n--b--\r\n";

    private InboundEmailPriming() {
    }

    /** @return the sample as it would be enqueued (it is not) */
    static InboundMessage prime(EmailIntake intake, String rawPrefix) {
        try {
            MailReception.Arrival a = SesReceipt.arrivals(Json.mapper().readTree(SES_EVENT), rawPrefix).get(0);
            Email mail = new MimeParser().parse(new ByteArrayInputStream(RAW_MAIL.getBytes(StandardCharsets.UTF_8)), MimeParser.DISCARD);
            EmailIntake.Receipt receipt = new EmailIntake.Receipt(a.providerMessageId(), a.recipients(), a.envelopeSender(), a.receivedAt(),
                    a.verdicts(), new Attachment(a.rawKey(), "original.eml", "message/rfc822", RAW_MAIL.length(), null));
            InboundMessage message = intake.toInbound(mail, receipt, false);
            InboundMessageCodec.encode(message);
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
