package com.helpdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.Mailbox;
import com.helpdesk.mail.MimeParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event SES sends a receipt rule's Lambda action (SES developer guide, "Lambda action": Records[].ses
 * with mail and receipt), built from a raw message the way SES builds it. Public for the end-to-end tests'
 * deployed driver, which delivers mail to a deployed stack's intake the way its receipt rule does.
 */
public final class SesReceiptEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SesReceiptEvent() {}

    public record Envelope(String source, List<String> recipients, Email mail) {}

    /** SES message ids: 40 lower-case letters and digits. */
    public static String newMessageId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    public static Envelope envelope(byte[] raw, List<String> ruleRecipients, String recipientsHeader, String sourceHeader) {
        Email mail;
        try {
            mail = new MimeParser().parse(new ByteArrayInputStream(raw), MimeParser.DISCARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> recipients = new ArrayList<>();
        if (recipientsHeader != null && !recipientsHeader.isBlank()) {
            for (String r : recipientsHeader.split(",")) if (!r.isBlank()) recipients.add(r.strip());
        } else {
            List<Mailbox> all = new ArrayList<>(mail.to());
            all.addAll(mail.cc());
            for (Mailbox m : all) {
                if (m.address() != null && accepts(ruleRecipients, m.address())) recipients.add(m.address());
            }
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("no To or Cc address is one the receipt rule accepts " + ruleRecipients
                        + "; name the envelope recipients in an X-SES-Recipients header");
            }
        }
        String source = sourceHeader != null && !sourceHeader.isBlank() ? sourceHeader.strip()
                : mail.from() != null && mail.from().address() != null ? mail.from().address() : "";
        return new Envelope(source, recipients, mail);
    }

    /**
     * The receipt's verdicts: PASS unless an X-SES-Spam-Verdict, -Virus-, -SPF-, -DKIM- or -DMARC-Verdict
     * header (read through {@code header}) says otherwise.
     */
    public static Map<String, String> verdicts(java.util.function.Function<String, String> header) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String v : List.of("Spam", "Virus", "SPF", "DKIM", "DMARC")) {
            String given = header.apply("X-SES-" + v + "-Verdict");
            String value = given == null ? "PASS" : given.strip().toUpperCase(Locale.ROOT);
            if (!List.of("PASS", "FAIL", "GRAY", "PROCESSING_FAILED").contains(value)) {
                throw new IllegalArgumentException("X-SES-" + v + "-Verdict must be PASS, FAIL, GRAY or PROCESSING_FAILED");
            }
            verdicts.put(v, value);
        }
        return verdicts;
    }

    /** SES rule recipients: an address, a domain (every address in it) or ".domain" (its subdomains). */
    static boolean accepts(List<String> ruleRecipients, String address) {
        if (ruleRecipients.isEmpty()) return true;
        String a = address.toLowerCase(Locale.ROOT);
        String domain = a.substring(a.lastIndexOf('@') + 1);
        for (String r : ruleRecipients) {
            String rr = r.toLowerCase(Locale.ROOT);
            if (rr.contains("@") ? rr.equals(a) : rr.startsWith(".") ? domain.endsWith(rr) : domain.equals(rr)) return true;
        }
        return false;
    }

    public static String json(String messageId, byte[] raw, Envelope env, Map<String, String> verdicts, Instant now, String functionArn) {
        Email mail = env.mail();
        List<Map<String, String>> headers = MimeParser.rawHeaders(raw).stream()
                .map(f -> Map.of("name", f.getKey(), "value", f.getValue())).toList();
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("returnPath", env.source());
        if (mail.from() != null) common.put("from", List.of(display(mail.from())));
        common.put("to", mail.to().stream().map(SesReceiptEvent::display).toList());
        if (!mail.cc().isEmpty()) common.put("cc", mail.cc().stream().map(SesReceiptEvent::display).toList());
        if (mail.messageId() != null) common.put("messageId", mail.messageId());
        if (mail.subject() != null) common.put("subject", mail.subject());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", now.toString());
        m.put("source", env.source());
        m.put("messageId", messageId);
        m.put("destination", env.recipients());
        m.put("headersTruncated", false);
        m.put("headers", headers);
        m.put("commonHeaders", common);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("timestamp", now.toString());
        receipt.put("processingTimeMillis", 1);
        receipt.put("recipients", env.recipients());
        receipt.put("spamVerdict", Map.of("status", verdicts.get("Spam")));
        receipt.put("virusVerdict", Map.of("status", verdicts.get("Virus")));
        receipt.put("spfVerdict", Map.of("status", verdicts.get("SPF")));
        receipt.put("dkimVerdict", Map.of("status", verdicts.get("DKIM")));
        receipt.put("dmarcVerdict", Map.of("status", verdicts.get("DMARC")));
        receipt.put("dmarcPolicy", "none");
        receipt.put("action", Map.of("type", "Lambda", "functionArn", functionArn, "invocationType", "Event"));
        Map<String, Object> ses = Map.of("mail", m, "receipt", receipt);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        record.put("ses", ses);
        try {
            return JSON.writeValueAsString(Map.of("Records", List.of(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Mailbox m) {
        return m.name() == null ? m.address() : m.name() + " <" + m.address() + ">";
    }
}
