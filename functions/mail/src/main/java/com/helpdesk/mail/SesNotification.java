package com.helpdesk.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.email.DeliveryReport;
import com.helpdesk.core.email.MailNotice;

import java.util.Locale;

/**
 * An Amazon SES bounce, complaint or delivery notification mailed by SNS ("Amazon SNS notification
 * contents for Amazon SES"): an "email" subscription mails the notification's JSON followed by SNS's
 * unsubscribe footer, an "email-json" one the SNS envelope whose Message is that JSON. The message it
 * reports on is named by SES's id; the Message-ID SES gave it is {@code <id@region.amazonses.com>}
 * (email.amazonses.com in us-east-1), as the SES sender records it on the reply.
 */
record SesNotification(DeliveryReport bounce, MailNotice notice) {
    private static final ObjectMapper JSON = jsonReader();
    /** A notification is a few KB; a body much larger than this is not one (and is not parsed). */
    static final int MAX_CHARS = 256 * 1024;

    private static ObjectMapper jsonReader() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_CHARS).build());
        return m;
    }

    /** The notification a mail body carries, or null when the body is not one. */
    static SesNotification read(String body) {
        if (body == null || body.length() > MAX_CHARS) return null;
        String text = body.strip();
        if (!text.startsWith("{") || !(text.contains("notificationType") || text.contains("eventType"))) return null;
        JsonNode n = parse(text);
        if (n != null && "Notification".equals(n.path("Type").asText()) && n.path("Message").isTextual()) n = parse(n.path("Message").asText());
        if (n == null || !n.path("mail").isObject()) return null;
        String type = n.path("notificationType").asText(n.path("eventType").asText(""));
        String original = messageIdOf(n.path("mail"));
        return switch (type) {
            case "Bounce" -> bounce(n.path("bounce"), original);
            case "Complaint" -> new SesNotification(null, new MailNotice(MailNotice.Type.COMPLAINT,
                    first(n.path("complaint").path("complainedRecipients")), text(n.path("complaint"), "complaintFeedbackType"), original));
            case "Delivery" -> new SesNotification(null, new MailNotice(MailNotice.Type.DELIVERED,
                    n.path("delivery").path("recipients").path(0).asText(null), text(n.path("delivery"), "smtpResponse"), original));
            default -> null;
        };
    }

    private static SesNotification bounce(JsonNode b, String original) {
        JsonNode r = b.path("bouncedRecipients").path(0);
        String diagnostic = text(r, "diagnosticCode");
        String type = text(b, "bounceType");
        return new SesNotification(new DeliveryReport(text(r, "emailAddress"), r.path("action").asText("failed"), text(r, "status"),
                diagnostic != null ? ReportParts.diagnostic(diagnostic) : type == null ? null : type + " bounce (" + text(b, "bounceSubType") + ")",
                original), null);
    }

    /** The Message-ID SES gave the message: from its id and the region of the identity that sent it. */
    private static String messageIdOf(JsonNode mail) {
        String id = text(mail, "messageId");
        if (id == null || !id.matches("[A-Za-z0-9-]{1,200}")) return null;
        String[] arn = mail.path("sourceArn").asText("").split(":");
        String region = arn.length > 3 && arn[3].matches("[a-z]{2}(-[a-z]+)+-\\d") ? arn[3].toLowerCase(Locale.ROOT) : "us-east-1";
        return "<" + id + "@" + ("us-east-1".equals(region) ? "email" : region) + ".amazonses.com>";
    }

    private static String first(JsonNode recipients) {
        return text(recipients.path(0), "emailAddress");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    /** The first JSON value of the text (SNS's footer after it is ignored), or null. */
    private static JsonNode parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
