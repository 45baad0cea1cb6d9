package com.helpdesk.mail;

import com.helpdesk.core.email.Mailbox;
import com.helpdesk.core.email.OutgoingMail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes an outgoing mail as RFC 5322 / MIME: multipart/alternative with UTF-8 text and HTML parts
 * (base64, so any line length and character survive), RFC 2047 encoded words for non-ASCII names and
 * subjects, header lines folded under 78 characters.
 */
public final class MimeBuilder {
    private MimeBuilder() {}

    public static byte[] build(OutgoingMail m, ZonedDateTime date) {
        StringBuilder h = new StringBuilder();
        header(h, "From", address(m.from()));
        header(h, "To", m.to().stream().map(MimeBuilder::address).collect(Collectors.joining(", ")));
        if (!m.cc().isEmpty()) header(h, "Cc", m.cc().stream().map(MimeBuilder::address).collect(Collectors.joining(", ")));
        if (m.replyTo() != null) header(h, "Reply-To", address(m.replyTo()));
        header(h, "Subject", encodeWord(m.subject() == null ? "" : m.subject()));
        header(h, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
        header(h, "Message-ID", m.messageId());
        if (m.inReplyTo() != null) header(h, "In-Reply-To", m.inReplyTo());
        if (!m.references().isEmpty()) header(h, "References", String.join(" ", m.references()));
        if (m.automatic()) header(h, "Auto-Submitted", "auto-replied");
        header(h, "MIME-Version", "1.0");
        String boundary = "=_helpdesk_" + UUID.randomUUID().toString().replace("-", "");
        header(h, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        h.append("\r\n");
        String text = m.text() == null ? "" : m.text();
        String html = m.html() != null ? m.html() : htmlOf(text);
        part(h, boundary, "text/plain; charset=UTF-8", text);
        part(h, boundary, "text/html; charset=UTF-8", html);
        h.append("--").append(boundary).append("--\r\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(StringBuilder h, String boundary, String type, String content) {
        h.append("--").append(boundary).append("\r\n");
        h.append("Content-Type: ").append(type).append("\r\n");
        h.append("Content-Transfer-Encoding: base64\r\n\r\n");
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(content.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        h.append(b64).append("\r\n");
    }

    static String htmlOf(String text) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String para : text.replace("\r\n", "\n").split("\n{2,}")) {
            out.append("<p>").append(escape(para).replace("\n", "<br>")).append("</p>");
        }
        return out.append("</body></html>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String address(Mailbox m) {
        if (m.name() == null) return m.address();
        String name = m.name();
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String display = ascii ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encodeWord(name);
        return display + " <" + m.address() + ">";
    }

    /** RFC 2047 B-encoding in words of at most 75 characters, never splitting a character. */
    static String encodeWord(String s) {
        if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return s;
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int n = c.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 45) {
                word(out, chunk.toString());
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(c);
            bytes += n;
            i += Character.charCount(cp);
        }
        if (chunk.length() > 0) word(out, chunk.toString());
        return out.toString();
    }

    private static void word(StringBuilder out, String chunk) {
        if (out.length() > 0) out.append("\r\n ");
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8))).append("?=");
    }

    /** Appends "Name: value", folding at spaces so no line passes 78 characters where it can be helped. */
    private static void header(StringBuilder h, String name, String value) {
        String v = value.replace("\r", "").replace("\n", value.contains("\r\n ") ? "\n" : " ");
        StringBuilder line = new StringBuilder(name).append(": ");
        int lineStart = 0;
        for (String token : v.split(" ", -1)) {
            if (line.length() - lineStart + token.length() + 1 > 78 && line.length() - lineStart > name.length() + 2) {
                line.append("\r\n ");
                lineStart = line.length() - 1;
            } else if (line.length() > name.length() + 2) {
                line.append(' ');
            }
            line.append(token.replace("\n", ""));
        }
        h.append(line).append("\r\n");
    }

    static List<String> lowerCase(List<String> l) {
        return l.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
    }
}
