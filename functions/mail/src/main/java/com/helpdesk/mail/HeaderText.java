package com.helpdesk.mail;

import com.helpdesk.core.email.Mailbox;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header fields as real mail writes them: raw 8-bit bytes (UTF-8, or a legacy charset), RFC 2047
 * encoded words (adjacent ones joined, malformed ones kept as written), address lists with quoted and
 * encoded display names, and MIME parameters with RFC 2231 charsets and continuations.
 */
final class HeaderText {
    private HeaderText() {}

    /** The field's value, unfolded and decoded. */
    static String value(Field field) {
        return decodeWords(undecoded(field));
    }

    /**
     * The field's value unfolded, its encoded words not yet decoded: what an address list is split from, since
     * a decoded display name may hold the comma that separates addresses ("=?utf-8?Q?M=C3=BCller=2C_Hans?=").
     */
    static String undecoded(Field field) {
        ByteSequence raw = field.getRaw();
        String text;
        if (raw == null) {
            text = field.getBody();
        } else {
            byte[] bytes = raw.toByteArray();
            String all = Charsets.guess(bytes);
            int colon = all.indexOf(':');
            text = colon < 0 ? all : all.substring(colon + 1);
        }
        // unfolding keeps the folding white space; a tab there is read as the space it stands for
        return unfold(text).replace("\r", "").replace("\n", "").replace('\t', ' ').strip();
    }

    /** Joins folded lines (a line break followed by white space); other line breaks stay. */
    static String unfold(String s) {
        return s.replaceAll("\\r?\\n(?=[ \\t])", "");
    }

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    /** Decodes RFC 2047 encoded words; the white space between two adjacent words is not part of the text. */
    static String decodeWords(String s) {
        if (s == null || !s.contains("=?")) return s;
        String joined = BETWEEN_WORDS.matcher(s).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        int last = 0;
        // consecutive words in one charset are decoded together: a multi-byte character may be split across them
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCharset = null;
        while (m.find()) {
            Charset cs = Charsets.forLabel(m.group(1).replaceAll("\\*.*$", ""));
            if (m.start() != last || cs == null || !cs.equals(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
            }
            out.append(joined, last, m.start());
            last = m.end();
            if (cs == null) {
                out.append(m.group()); // an unknown charset: keep the word as written
                continue;
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : q(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = cs;
        }
        flush(out, pending, pendingCharset);
        out.append(joined.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset cs) {
        if (pending.size() == 0) return;
        out.append(new String(pending.toByteArray(), cs));
        pending.reset();
    }

    private static byte[] base64(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9+/]", "");
        while (clean.length() % 4 != 0) {
            if (clean.length() % 4 == 1) clean = clean.substring(0, clean.length() - 1);
            else clean += "=";
        }
        try {
            return java.util.Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] q(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') out.write(' ');
            else if (c == '=' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else out.write(c & 0xff);
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The message ids of In-Reply-To or References, each as "&lt;id&gt;". */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) return ids;
        Matcher m = Pattern.compile("<([^<>\\s]+)>").matcher(value);
        while (m.find()) ids.add("<" + m.group(1) + ">");
        if (ids.isEmpty()) {
            for (String token : value.trim().split("\\s+")) if (token.contains("@")) ids.add("<" + token.replaceAll("[<>]", "") + ">");
        }
        return ids;
    }

    static String messageId(String value) {
        List<String> ids = messageIds(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** An address list as written (encoded words not yet decoded); groups ("undisclosed-recipients:;") contribute their members. */
    static List<Mailbox> addresses(String value) {
        List<Mailbox> out = new ArrayList<>();
        if (value == null) return out;
        for (String part : splitOutsideQuotes(value, ',')) {
            String p = part.strip();
            int colon = indexOutsideQuotes(p, ':');
            if (colon >= 0 && p.indexOf('<') < 0 || colon >= 0 && colon < p.indexOf('<') && p.indexOf('"') < 0) {
                p = p.substring(colon + 1).replace(";", "").strip();
            }
            if (p.isEmpty()) continue;
            Mailbox m = mailbox(p);
            if (m != null) out.add(m);
        }
        return out;
    }

    static Mailbox mailbox(String p) {
        int lt = p.lastIndexOf('<');
        int gt = p.lastIndexOf('>');
        String name;
        String address;
        if (lt >= 0 && gt > lt) {
            address = p.substring(lt + 1, gt).strip();
            name = p.substring(0, lt).strip();
        } else {
            String s = p;
            String comment = null;
            Matcher c = Pattern.compile("\\(([^)]*)\\)").matcher(s);
            if (c.find()) {
                comment = c.group(1);
                s = c.replaceAll("").strip();
            }
            address = s.replaceAll("\\s+", "");
            name = comment;
        }
        if (address.isEmpty() || !address.contains("@")) return address.isEmpty() && name == null ? null : new Mailbox(cleanName(name), address);
        return new Mailbox(cleanName(name), address);
    }

    private static String cleanName(String name) {
        if (name == null) return null;
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        n = decodeWords(n).strip();
        if (n.length() >= 2 && n.startsWith("'") && n.endsWith("'")) n = n.substring(1, n.length() - 1);
        n = n.replaceAll("\\s+", " ").strip(); // folding and sloppy spacing: one space between words
        return n.isEmpty() ? null : n;
    }

    static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        Matcher word = WORD.matcher(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            // an encoded word is one token: some clients leave its separator unencoded ("=?iso-8859-1?Q?M=FCller,_Hans?=")
            if (c == '=' && !quoted && word.region(i, s.length()).lookingAt()) {
                cur.append(word.group());
                i = word.end() - 1;
                continue;
            }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '<') angle++;
            else if (!quoted && c == '>' && angle > 0) angle--;
            if (c == sep && !quoted && angle == 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String s, char c) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') quoted = !quoted;
            else if (ch == c && !quoted) return i;
        }
        return -1;
    }

    /** A Content-Type or Content-Disposition value: its main value (lower-case) and parameters (names lower-case, RFC 2231 decoded). */
    record Params(String value, Map<String, String> params) {
        String get(String name) {
            return params.get(name);
        }
    }

    static Params params(String raw) {
        if (raw == null) return new Params(null, Map.of());
        List<String> parts = splitOutsideQuotes(raw, ';');
        String value = parts.get(0).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, Map<Integer, String[]>> continued = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i).strip();
            int eq = p.indexOf('=');
            if (eq <= 0) continue;
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = p.substring(eq + 1).strip();
            boolean quoted = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"");
            if (quoted) v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (name.endsWith("*") || name.matches(".*\\*\\d+\\*?$")) {
                Matcher cm = Pattern.compile("^([^*]+)\\*(\\d+)?(\\*)?$").matcher(name);
                if (cm.matches()) {
                    int index = cm.group(2) == null ? 0 : Integer.parseInt(cm.group(2));
                    boolean encoded = cm.group(2) == null || cm.group(3) != null;
                    continued.computeIfAbsent(cm.group(1), k -> new java.util.TreeMap<>()).put(index, new String[]{v, encoded ? "e" : ""});
                    continue;
                }
            }
            plain.put(name, v);
        }
        for (Map.Entry<String, Map<Integer, String[]>> e : continued.entrySet()) {
            plain.put(e.getKey(), rfc2231(e.getValue()));
        }
        // a name="=?utf-8?...?=" (what Outlook writes) is decoded like a header
        plain.replaceAll((k, v) -> decodeWords(v));
        return new Params(value, plain);
    }

    /** Joins RFC 2231 continuations; the first encoded segment names the charset ("utf-8'en'%E2%82%AC"). */
    private static String rfc2231(Map<Integer, String[]> segments) {
        Charset cs = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] seg : segments.values()) {
            String v = seg[0];
            boolean encoded = !seg[1].isEmpty();
            if (first && encoded) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    cs = Charsets.forLabel(v.substring(0, q1));
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            if (encoded) {
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if (c == '%' && i + 2 < v.length() && isHex(v.charAt(i + 1)) && isHex(v.charAt(i + 2))) {
                        bytes.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                bytes.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] b = bytes.toByteArray();
        return cs != null ? new String(b, cs) : Charsets.guess(b);
    }
}
