package com.helpdesk.mail;

import com.helpdesk.core.email.DeliveryReport;
import com.helpdesk.core.email.MailNotice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable parts of a multipart/report (RFC 6522) as they are met: a delivery status
 * (RFC 3464), a disposition notification (RFC 8098 read receipts; RFC 6533's global form) or a feedback
 * report (RFC 5965 complaints), and the Message-ID of the original message the report returns.
 */
final class ReportParts {
    static final Set<String> TYPES = Set.of("message/delivery-status", "message/global-delivery-status",
            "message/disposition-notification", "message/global-disposition-notification", "message/feedback-report");

    private final Map<String, String> delivery = new LinkedHashMap<>();
    private final Map<String, String> disposition = new LinkedHashMap<>();
    private final Map<String, String> feedback = new LinkedHashMap<>();
    private String originalMessageId;

    /** Reads one report part of one of {@link #TYPES}. */
    void read(String mime, String text) {
        if (mime.contains("delivery-status")) readDelivery(text);
        else fields(text, mime.contains("disposition") ? disposition : feedback,
                Set.of("final-recipient", "original-recipient", "original-message-id", "disposition", "feedback-type", "original-rcpt-to"));
    }

    /** The Message-ID of the returned original (its headers or the whole message), the first one met. */
    void original(String messageId) {
        if (originalMessageId == null) originalMessageId = messageId;
    }

    /** RFC 3464: per-message fields, then per-recipient blocks; the first failed recipient is what counts. */
    private void readDelivery(String text) {
        for (Map.Entry<String, String> f : lines(text)) {
            String name = f.getKey();
            if (name.equals("action") && delivery.containsKey("action") && delivery.get("action").startsWith("failed")) continue;
            if (Set.of("final-recipient", "original-recipient", "action", "status", "diagnostic-code").contains(name)) {
                delivery.putIfAbsent(name, f.getValue());
            }
        }
    }

    private static void fields(String text, Map<String, String> into, Set<String> wanted) {
        for (Map.Entry<String, String> f : lines(text)) if (wanted.contains(f.getKey())) into.putIfAbsent(f.getKey(), f.getValue());
    }

    /** The fields of a report part (header-like lines, unfolded), names in lower case, in order. */
    private static List<Map.Entry<String, String>> lines(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : HeaderText.unfold(text.replace("\r\n", "\n")).split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            out.add(Map.entry(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip()));
        }
        return out;
    }

    /** What a delivery status report says, or null when this is no delivery report. */
    DeliveryReport deliveryReport(String contentType) {
        if (!disposition.isEmpty() || !feedback.isEmpty()) return null;
        boolean report = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report");
        if (delivery.isEmpty() && !(originalMessageId != null && report)) return null;
        return new DeliveryReport(addressOf(delivery.get("final-recipient"), delivery.get("original-recipient")), delivery.get("action"),
                delivery.get("status"), diagnostic(delivery.get("diagnostic-code")), originalMessageId);
    }

    /**
     * What a read receipt or a feedback report says, or null. A receipt names our message in its
     * Original-Message-ID (RFC 8098 3.2.5), else in the returned headers, else the receipt's In-Reply-To.
     */
    MailNotice notice(String inReplyTo) {
        if (!disposition.isEmpty()) {
            String original = firstNonNull(HeaderText.messageId(disposition.get("original-message-id")), originalMessageId, inReplyTo);
            String d = disposition.get("disposition");
            return new MailNotice(MailNotice.ofDisposition(d), addressOf(disposition.get("final-recipient"), disposition.get("original-recipient")),
                    d, original);
        }
        if (!feedback.isEmpty()) {
            return new MailNotice(MailNotice.Type.COMPLAINT, addressOf(feedback.get("original-rcpt-to")), feedback.get("feedback-type"),
                    firstNonNull(originalMessageId, inReplyTo, null));
        }
        return null;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** The address of a recipient field ("rfc822; jane@example.com"). */
    static String addressOf(String... fields) {
        for (String f : fields) {
            if (f == null) continue;
            int semi = f.indexOf(';');
            String a = (semi >= 0 ? f.substring(semi + 1) : f).strip().replaceAll("[<>]", "");
            if (!a.isEmpty()) return a;
        }
        return null;
    }

    /** A Diagnostic-Code without its type ("smtp; 550 ..." is "550 ..."). */
    static String diagnostic(String code) {
        if (code == null) return null;
        int semi = code.indexOf(';');
        return (semi >= 0 && code.substring(0, semi).strip().matches("(?i)smtp|x-[a-z-]+") ? code.substring(semi + 1) : code).strip();
    }
}
