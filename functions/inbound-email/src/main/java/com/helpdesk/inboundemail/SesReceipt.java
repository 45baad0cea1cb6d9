package com.helpdesk.inboundemail;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.email.MailVerdicts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SES's receipt event (the Lambda action's "Records[].ses": mail and receipt), as documented in
 * the SES developer guide; the raw message is where the rule's S3 action put it: prefix + messageId.
 */
final class SesReceipt {
    private SesReceipt() {}

    static List<MailReception.Arrival> arrivals(JsonNode event, String rawPrefix) {
        List<MailReception.Arrival> out = new ArrayList<>();
        JsonNode records = event.path("Records");
        if (!records.isArray()) throw new IllegalArgumentException("not an SES receipt event: no Records");
        for (JsonNode record : records) {
            JsonNode ses = record.path("ses");
            JsonNode mail = ses.path("mail");
            JsonNode receipt = ses.path("receipt");
            String messageId = text(mail, "messageId");
            if (messageId == null || !messageId.matches("[A-Za-z0-9._-]{1,200}")) {
                throw new IllegalArgumentException("SES record without a usable mail.messageId");
            }
            List<String> recipients = new ArrayList<>();
            receipt.path("recipients").forEach(r -> recipients.add(r.asText()));
            if (recipients.isEmpty()) mail.path("destination").forEach(r -> recipients.add(r.asText()));
            Instant at = instant(text(mail, "timestamp"));
            MailVerdicts verdicts = new MailVerdicts(verdict(receipt, "spamVerdict"), verdict(receipt, "virusVerdict"),
                    verdict(receipt, "spfVerdict"), verdict(receipt, "dkimVerdict"), verdict(receipt, "dmarcVerdict"));
            out.add(new MailReception.Arrival(messageId, rawPrefix + messageId, recipients, text(mail, "source"), at, verdicts));
        }
        return out;
    }

    private static String verdict(JsonNode receipt, String name) {
        return text(receipt.path(name), "status");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Instant instant(String s) {
        if (s == null) return Instant.now();
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
