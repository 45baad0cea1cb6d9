package com.helpdesk.core.email;

import java.util.List;

/**
 * A message to send: a reply on a ticket or an automatic one ({@code automatic}: marked Auto-Submitted so
 * that well-behaved systems do not answer it). {@code messageId} is the Message-ID we give it; the provider
 * may replace it (SES does) and reports the one it used.
 */
public record OutgoingMail(Mailbox from, List<Mailbox> to, List<Mailbox> cc, Mailbox replyTo, String subject, String messageId,
                           String inReplyTo, List<String> references, String text, String html, boolean automatic) {
    public OutgoingMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
    }
}
