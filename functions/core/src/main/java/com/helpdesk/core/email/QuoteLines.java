package com.helpdesk.core.email;

/**
 * Tests on single lines of a reply, against the phrases of {@link QuotePhrases}. Each is a bounded scan
 * of one line (no regular expression, nothing that backtracks): a line longer than
 * {@link #MAX_HEADER_CHARS} is never a quote header, so the work per line is bounded however the text
 * is shaped.
 */
final class QuoteLines {
    private QuoteLines() {}

    /** Longer than any attribution or header line a client writes, even wrapped over three lines. */
    static final int MAX_HEADER_CHARS = 400;
    /** Sent-from lines are short; the device or app name in one at most this long. */
    private static final int MAX_SENT_FROM_CHARS = 80;
    private static final int MAX_DEVICE_CHARS = 40;
    /** A header label ("From", "Gesendet", "보낸 사람") ends within this many characters of the line start. */
    private static final int MAX_LABEL_CHARS = 30;

    static boolean isQuoted(String line) {
        return line.startsWith(">");
    }

    static boolean isSignatureDelimiter(String line) {
        return line.equals("-- ") || line.equals("--");
    }

    /**
     * An attribution line ("On ..., Name &lt;a@b&gt; wrote:" in any language the table knows, or the verbless
     * "date, Name &lt;a@b&gt;:" of Gmail in Russian and Japanese): it ends with a colon and has a verb and a
     * date or address, or an address in angle brackets and a year.
     */
    static boolean isAttribution(String candidate) {
        String t = candidate.strip();
        if (t.length() < 4 || t.length() > MAX_HEADER_CHARS || !endsWithColon(t)) return false;
        boolean digit = false;
        for (int i = 0; i < t.length() && !digit; i++) digit = Character.isDigit(t.charAt(i));
        boolean address = hasAddress(t);
        if ((digit || address) && hasVerb(QuotePhrases.fold(t))) return true;
        return hasBracketedAddress(t) && hasYear(t); // a client writes the sender as "Name <address>"; a person rarely does
    }

    /** Zoho's attribution, between dashes and without a colon: "---- On Mon, 30 Nov 2026 10:00:00 +0100 Name &lt;a@b.c&gt; wrote ----". */
    static boolean isDashedAttribution(String line) {
        String t = line.strip();
        if (t.length() > MAX_HEADER_CHARS || !t.startsWith("--") || !t.endsWith("--")) return false;
        int a = 0;
        while (a < t.length() && t.charAt(a) == '-') a++;
        int b = t.length();
        while (b > a && t.charAt(b - 1) == '-') b--;
        return a < b && isAttribution(t.substring(a, b).strip() + ":");
    }

    /** A shorter attribution that counts only when quoted lines follow it ("Jane wrote:" then "&gt; ..."). */
    static boolean isLooseAttribution(String line) {
        String t = line.strip();
        if (t.length() > MAX_HEADER_CHARS || !endsWithColon(t)) return false;
        return hasVerb(QuotePhrases.fold(t)) || hasAddress(t);
    }

    /**
     * Whether the line may be the first of a wrapped attribution: 0 when it ends a sentence; 2 (strong)
     * when it begins with an attribution's opening word ("On", "Am", "Le", ...), holds a date's digits or
     * ends with a mailbox;
     * else 1 (weak: it must not merely precede an attribution of its own).
     */
    static int attributionStart(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > MAX_HEADER_CHARS || endsSentence(t)) return 0;
        String lower = QuotePhrases.fold(t);
        for (String opener : QuotePhrases.OPENERS) {
            if (lower.startsWith(opener) && (lower.length() == opener.length() || !Character.isLetter(lower.charAt(opener.length())))) return 2;
        }
        for (int i = 0; i < t.length(); i++) if (Character.isDigit(t.charAt(i))) return 2; // a date
        return t.endsWith(">") && t.indexOf('@') > 0 ? 2 : 1; // "Name <address>", the date follows (Gmail in Chinese)
    }

    /**
     * "-----Original Message-----" and its translations, with any number (two or more) of dashes around (QQ Mail
     * and Foxmail put no-break spaces between them and the words).
     */
    static boolean isSeparator(String line) {
        String t = line.replace('\u00a0', ' ').strip();
        if (t.length() > MAX_HEADER_CHARS) return false;
        int a = 0;
        while (a < t.length() && (t.charAt(a) == '-' || t.charAt(a) == '=')) a++;
        int b = t.length();
        while (b > a && (t.charAt(b - 1) == '-' || t.charAt(b - 1) == '=')) b--;
        if (a < 2 || t.length() - b < 2) return false;
        return QuotePhrases.SEPARATORS.contains(QuotePhrases.fold(t.substring(a, b).strip()));
    }

    /**
     * The first line of a forwarded message: a {@link QuotePhrases#FORWARDS} phrase between two or more dashes
     * on each side ("---------- Forwarded message ---------") or ending with a colon ("Begin forwarded message:").
     */
    static boolean isForwardMarker(String line) {
        String t = line.replace('\u00a0', ' ').strip();
        if (t.length() < 4 || t.length() > MAX_HEADER_CHARS) return false;
        int a = 0;
        while (a < t.length() && t.charAt(a) == '-') a++;
        int b = t.length();
        while (b > a && t.charAt(b - 1) == '-') b--;
        boolean dashed = a >= 2 && t.length() - b >= 2;
        if (!dashed && !endsWithColon(t)) return false;
        String phrase = t.substring(a, b).strip();
        if (!dashed) phrase = phrase.substring(0, phrase.length() - 1).strip();
        return QuotePhrases.FORWARDS.contains(QuotePhrases.fold(phrase));
    }

    static boolean isUnderscores(String line) {
        String t = line.strip();
        if (t.length() < 10 || t.length() > MAX_HEADER_CHARS) return false;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) != '_') return false;
        return true;
    }

    /** Whether a line's {@link #label} is that of the "From:" line of an Outlook header block ("Von", "De", "От", "差出人" ...). */
    static boolean isFromLabel(String label) {
        return QuotePhrases.FROM_LABELS.contains(label);
    }

    /** Whether a line's {@link #label} is one of the other lines of the block ("Sent", "Gesendet", "Objet", "件名" ...). */
    static boolean isOtherLabel(String label) {
        return QuotePhrases.OTHER_LABELS.contains(label);
    }

    /** "Sent from my iPhone", "Von meinem iPhone gesendet", "iPhoneから送信" ... */
    static boolean isSentFrom(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > MAX_SENT_FROM_CHARS) return false;
        String lower = QuotePhrases.fold(t);
        for (String phrase : QuotePhrases.SENT_FROM) {
            int star = phrase.indexOf('*');
            if (star < 0) {
                if (lower.equals(phrase)) return true;
                continue;
            }
            String prefix = phrase.substring(0, star);
            String suffix = phrase.substring(star + 1);
            int middle = lower.length() - prefix.length() - suffix.length();
            if (middle >= 1 && middle <= MAX_DEVICE_CHARS && lower.startsWith(prefix) && lower.endsWith(suffix)) return true;
        }
        return false;
    }

    /** The label before the first colon, normalised ("*De&nbsp;:*" is "de"), or "" when there is none near the start. */
    static String label(String line) {
        int end = Math.min(line.length(), MAX_LABEL_CHARS + 4);
        int colon = -1;
        for (int i = 0; i < end && colon < 0; i++) if (line.charAt(i) == ':' || line.charAt(i) == '：') colon = i;
        if (colon <= 0) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c == '*') continue;
            b.append(c == '\u00a0' || c == '\u202f' || c == '\t' ? ' ' : c);
        }
        String label = b.toString().strip();
        return label.length() > MAX_LABEL_CHARS ? "" : QuotePhrases.fold(label);
    }

    /** Whether the line's last character other than white space is a colon (no copy of the line is made). */
    static boolean endsWithColon(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
        if (end == 0) return false;
        char last = line.charAt(end - 1);
        return last == ':' || last == '：';
    }

    private static boolean endsSentence(String t) {
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '。' || last == '！' || last == '？';
    }

    private static boolean hasVerb(String lower) {
        for (String verb : QuotePhrases.WROTE) if (lower.contains(verb)) return true;
        return false;
    }

    /** An address: an '@' with a dot somewhere after it. */
    private static boolean hasAddress(String t) {
        int at = t.indexOf('@');
        return at > 0 && t.indexOf('.', at) > at + 1;
    }

    /** An address in angle brackets, as clients write the quoted sender ("Name &lt;a@b.c&gt;"). */
    private static boolean hasBracketedAddress(String t) {
        int at = t.indexOf('@');
        if (at <= 0 || !hasAddress(t)) return false;
        int open = t.lastIndexOf('<', at);
        return open >= 0 && t.indexOf('>', at) > at && t.indexOf('>', open) > at;
    }

    /** A year of this or the last century standing alone (2026, "2026年", "2026 г."). */
    private static boolean hasYear(String t) {
        for (int i = 0; i + 4 <= t.length(); i++) {
            if ((t.startsWith("19", i) || t.startsWith("20", i)) && Character.isDigit(t.charAt(i + 2)) && Character.isDigit(t.charAt(i + 3))
                    && (i == 0 || !Character.isDigit(t.charAt(i - 1))) && (i + 4 == t.length() || !Character.isDigit(t.charAt(i + 4)))) {
                return true;
            }
        }
        return false;
    }
}
