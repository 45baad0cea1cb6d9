package com.helpdesk.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What comes before a message's first header field in mail saved by other software: a UTF-8 byte order
 * mark, blank lines, and the mbox envelope line ("From MAILER-DAEMON Fri Jul  8 12:08:34 2011"; RFC 4155),
 * which a strict parser reads as the start of the body, losing every header. They are skipped; the
 * stream is left at the first header line (LF or CRLF line ends alike).
 */
final class LeadingJunk {
    private LeadingJunk() {}

    /** Longer than any envelope line; a longer first line is left to the parser as it is. */
    static final int MAX_LINE = 4096;
    /** Blank lines skipped at most (a message of nothing but blank lines is unreadable anyway). */
    static final int MAX_LINES = 1000;

    static InputStream skip(InputStream raw, List<String> problems) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, MAX_LINE * 2);
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) in.reset();
        else problems.add("a byte order mark before the header was skipped");
        boolean envelope = false;
        int blank = 0;
        for (int i = 0; i < MAX_LINES; i++) {
            in.mark(MAX_LINE + 2);
            String line = line(in);
            if (line == null) break; // too long or the end: leave it to the parser
            if (line.isBlank()) {
                blank++;
                continue;
            }
            if (!envelope && line.startsWith("From ") && !line.matches("From\\s*:.*")) {
                envelope = true; // an mbox envelope line: storage, not the message
                continue;
            }
            in.reset();
            break;
        }
        if (blank > 0) problems.add("blank lines before the header were skipped");
        return in;
    }

    /** The next line without its end, or null when none ends within {@link #MAX_LINE} bytes (then reset to its start). */
    private static String line(BufferedInputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n = 0; n <= MAX_LINE; n++) {
            int c = in.read();
            if (c < 0) {
                in.reset();
                return null;
            }
            if (c == '\n') return b.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
            b.write(c);
        }
        in.reset();
        return null;
    }
}
