package com.helpdesk.core.email;

import com.helpdesk.core.ticket.Attachment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A received email as the MIME parser read it. {@code text} is the readable body (text/plain
 * preferred, else the HTML as text) and {@code visibleText} the part the sender wrote this time (quoted
 * history and signatures removed); {@code headers} holds the header fields that classify a message
 * (lower-case names, decoded values, in order). {@code report} is what a delivery report says,
 * {@code notice} what a read receipt, a delivery notice or a complaint says (both null for a person's
 * mail). {@code problems} lists the defects the parser recovered from; {@code unreadable} means no
 * structure could be read at all (the raw source is all there is).
 */
public record Email(
        String messageId,
        String inReplyTo,
        List<String> references,
        Mailbox from,
        List<Mailbox> replyTo,
        List<Mailbox> to,
        List<Mailbox> cc,
        String subject,
        String text,
        String visibleText,
        String html,
        List<Attachment> attachments,
        Map<String, List<String>> headers,
        String contentType,
        DeliveryReport report,
        MailNotice notice,
        List<String> problems,
        boolean unreadable) {

    public Email {
        references = references == null ? List.of() : List.copyOf(references);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A message without a notice (a person's mail, an auto-reply, a delivery report). */
    public Email(String messageId, String inReplyTo, List<String> references, Mailbox from, List<Mailbox> replyTo, List<Mailbox> to,
                 List<Mailbox> cc, String subject, String text, String visibleText, String html, List<Attachment> attachments,
                 Map<String, List<String>> headers, String contentType, DeliveryReport report, List<String> problems, boolean unreadable) {
        this(messageId, inReplyTo, references, from, replyTo, to, cc, subject, text, visibleText, html, attachments, headers, contentType,
                report, null, problems, unreadable);
    }

    /** The first value of a header field (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
