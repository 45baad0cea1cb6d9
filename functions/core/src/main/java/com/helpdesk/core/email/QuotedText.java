package com.helpdesk.core.email;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the part of a reply its sender wrote this time. Top-posted (the usual): everything from the
 * first quote header on is cut (an attribution "On ... wrote:" in any of the languages of
 * {@link QuotePhrases}, Outlook's "From:/Sent:" block or "Original Message" separator, the "-- "
 * signature, a "Sent from my ..." line with only quotes after it) and "&gt;" quoted lines between the
 * answers are dropped. A forwarded message ("---------- Forwarded message ---------", "Begin forwarded
 * message:") is new to the helpdesk, not history: it is kept whole, below the forwarder's note.
 * Bottom-posted or interleaved (nothing written above the quote): the lines the sender wrote between and
 * below the "&gt;" quoted lines are kept. When nothing would be left, the whole
 * text is the visible text. The work is linear in the text's length: each line is looked at a bounded
 * number of times, by bounded tests ({@link QuoteLines}).
 */
public final class QuotedText {
    private QuotedText() {}

    /**
     * What begins the quoted part: an attribution (the quote follows, "&gt;"-marked or not), another header, or a
     * signature; or what begins a forwarded message, which is kept.
     */
    private enum Cut { NONE, ATTRIBUTION, HEADER, SIGNATURE, FORWARD }

    /** Where the quoted part begins (at = the line, or the text's length when nothing is quoted) and how many lines its header spans. */
    private record FirstCut(Cut kind, int at, int headerLines) {}

    /** The text the sender wrote this time. */
    public static String visible(String text) {
        if (text == null) return null;
        Lines lines = lines(text);
        FirstCut first = firstCut(lines);
        int cut = first.at();
        String top = trimBlankLines(unquoted(lines, 0, cut));
        int forward = forwardLine(lines, first);
        if (forward >= 0) {
            String forwarded = trimBlankLines(List.of(lines.lines).subList(forward, lines.size()));
            return top.isBlank() ? forwarded : top + "\n\n" + forwarded;
        }
        if (!top.isBlank()) return top;
        if (first.kind() == Cut.ATTRIBUTION && lines.isQuoteAhead(cut + first.headerLines())) {
            String below = trimBlankLines(bottomPosted(lines, cut + first.headerLines()));
            if (!below.isBlank()) return below;
        }
        return text.strip();
    }

    /**
     * Whether the text forwards a message: a forward's first line comes before any quote header (below the note and
     * its signature, if any). HTML mail wraps a forward in the same markup as a quote; this tells them apart.
     */
    public static boolean forwards(String text) {
        if (text == null) return false;
        Lines lines = lines(text);
        return forwardLine(lines, firstCut(lines)) >= 0;
    }

    /**
     * Whether the subject says the mail forwards another ("FW: Bestellung 4711", "[EXTERNAL] WG: ..."): Outlook marks a
     * forward's quoted mail exactly as a reply's, so only its subject tells the forwarded message, to be kept, from
     * quoted history.
     */
    public static boolean isForwardSubject(String subject) {
        if (subject == null) return false;
        String s = subject.strip();
        while (s.startsWith("[") && s.indexOf(']') > 0) s = s.substring(s.indexOf(']') + 1).strip(); // "[EXTERNAL]", a list tag
        int colon = -1;
        for (int i = 0; i < Math.min(s.length(), 8) && colon < 0; i++) if (s.charAt(i) == ':' || s.charAt(i) == '：') colon = i;
        if (colon <= 0) return false;
        String prefix = QuotePhrases.fold(s.substring(0, colon).strip());
        if (prefix.endsWith(".")) prefix = prefix.substring(0, prefix.length() - 1);
        return QuotePhrases.FORWARD_PREFIXES.contains(prefix);
    }

    private static Lines lines(String text) {
        return new Lines(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    private static FirstCut firstCut(Lines lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (QuoteLines.isForwardMarker(lines.get(i))) return new FirstCut(Cut.FORWARD, i, 0);
            int attribution = lines.attributionAt(i);
            if (attribution > 0) return new FirstCut(Cut.ATTRIBUTION, i, attribution);
            if (lines.isHeaderAt(i)) return new FirstCut(Cut.HEADER, i, 0);
            if (QuoteLines.isSignatureDelimiter(lines.get(i)) || lines.onlyQuotesFrom(i + 1) && QuoteLines.isSentFrom(lines.get(i))) {
                return new FirstCut(Cut.SIGNATURE, i, 0);
            }
        }
        return new FirstCut(Cut.NONE, lines.size(), 0);
    }

    /** The line a forwarded message begins on, when it begins the quoted part or follows the signature; else -1. */
    private static int forwardLine(Lines lines, FirstCut first) {
        if (first.kind() == Cut.FORWARD) return first.at();
        return first.kind() == Cut.SIGNATURE ? lines.forwardAfter(first.at() + 1) : -1;
    }

    /** The lines in [from, to) that are not "&gt;" quoted (interleaved quoting: keep the answers, drop the quotes). */
    private static List<String> unquoted(Lines lines, int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) if (!QuoteLines.isQuoted(lines.get(i))) kept.add(lines.get(i));
        return kept;
    }

    /** A reply written below (and between) the quoted lines: its own lines, up to its signature or another quote header. */
    private static List<String> bottomPosted(Lines lines, int from) {
        int end = lines.size();
        for (int i = from; i < lines.size() && end == lines.size(); i++) {
            String line = lines.get(i);
            if (QuoteLines.isQuoted(line)) continue;
            if (QuoteLines.isSignatureDelimiter(line) || lines.onlyQuotesFrom(i + 1) && QuoteLines.isSentFrom(line)
                    || lines.attributionAt(i) > 0 || lines.isHeaderAt(i)) {
                end = i;
            }
        }
        return unquoted(lines, from, end);
    }

    private static String trimBlankLines(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) start++;
        while (end > start && lines.get(end - 1).isBlank()) end--;
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start && lines.get(i).isBlank() && lines.get(i - 1).isBlank()) continue; // dropped quotes leave no gaps
            if (i > start) sb.append('\n');
            sb.append(lines.get(i).stripTrailing());
        }
        return sb.toString();
    }

    /** The lines of a text with what is needed to look ahead in constant time (indexes computed once, from the end). */
    private static final class Lines {
        /** How far a wrapped attribution may reach, and how far below a "From:" line its block's other labels are. */
        private static final int MAX_WRAPPED = 3;
        private static final int HEADER_BLOCK_LINES = 6;

        private final String[] lines;
        /** The first non-blank line at or after i (or size()). */
        private final int[] nextNonBlank;
        /** The first line at or after i that is neither blank nor quoted (or size()). */
        private final int[] nextUnquoted;
        /** Each line's header label, computed when first asked for (a header block is looked at from several lines). */
        private final String[] labels;

        Lines(String[] lines) {
            this.lines = lines;
            int n = lines.length;
            labels = new String[n];
            nextNonBlank = new int[n + 1];
            nextUnquoted = new int[n + 1];
            nextNonBlank[n] = n;
            nextUnquoted[n] = n;
            for (int i = n - 1; i >= 0; i--) {
                boolean blank = lines[i].isBlank();
                nextNonBlank[i] = blank ? nextNonBlank[i + 1] : i;
                nextUnquoted[i] = blank || QuoteLines.isQuoted(lines[i]) ? nextUnquoted[i + 1] : i;
            }
        }

        int size() {
            return lines.length;
        }

        String get(int i) {
            return lines[i];
        }

        /**
         * The line a forwarded message begins on at or after {@code from} (below the forwarder's signature), or -1
         * when a quote header comes first or there is none.
         */
        int forwardAfter(int from) {
            for (int i = from; i < lines.length; i++) {
                if (QuoteLines.isForwardMarker(lines[i])) return i;
                if (attributionAt(i) > 0 || isHeaderAt(i)) return -1;
            }
            return -1;
        }

        /** Whether the next non-blank line from {@code from} is quoted (or there is none). */
        boolean isQuoteAhead(int from) {
            int next = nextNonBlank[Math.min(from, lines.length)];
            return next == lines.length || QuoteLines.isQuoted(lines[next]);
        }

        /** Whether nothing but quoted or blank lines, or the quote's own header (or a forwarded message's), follows. */
        boolean onlyQuotesFrom(int from) {
            int next = nextUnquoted[Math.min(from, lines.length)];
            return next == lines.length || attributionAt(next) > 0 || isHeaderAt(next) || QuoteLines.isSignatureDelimiter(lines[next])
                    || QuoteLines.isForwardMarker(lines[next]);
        }

        /** How many lines the attribution starting at line i spans (1 to 3, wrapped by the client), or 0. */
        int attributionAt(int i) {
            String line = lines[i];
            if (line.isBlank() || QuoteLines.isQuoted(line)) return 0;
            // every attribution ends with a colon: most lines are ruled out without looking further
            boolean colonAhead = false;
            for (int n = 0; n < MAX_WRAPPED && i + n < lines.length && !colonAhead; n++) colonAhead = QuoteLines.endsWithColon(lines[i + n]);
            if (!colonAhead) return QuoteLines.isDashedAttribution(line) ? 1 : 0;
            if (QuoteLines.isAttribution(line)) return 1;
            if (QuoteLines.isLooseAttribution(line) && isQuoteAhead(i + 1)) return 1;
            int start = QuoteLines.attributionStart(line);
            if (start == 0) return 0;
            StringBuilder joined = new StringBuilder(line.strip());
            for (int n = 2; n <= MAX_WRAPPED && i + n - 1 < lines.length; n++) {
                String next = lines[i + n - 1];
                if (next.isBlank() || QuoteLines.isQuoted(next) || joined.length() + next.length() > QuoteLines.MAX_HEADER_CHARS) return 0;
                // a weak start must not merely precede an attribution of its own
                if (start == 1 && QuoteLines.isAttribution(next)) return 0;
                joined.append(' ').append(next.strip());
                if (QuoteLines.isAttribution(joined.toString())) return n;
            }
            return 0;
        }

        /**
         * An "Original Message" separator, an underscore rule above a "From:" line, or a From/Sent/To/Subject block
         * (or Sent/From/To/Subject).
         */
        boolean isHeaderAt(int i) {
            String line = lines[i];
            if (QuoteLines.isSeparator(line)) return true;
            if (QuoteLines.isUnderscores(line)) {
                int next = nextNonBlank[i + 1];
                return next < lines.length && QuoteLines.isFromLabel(label(next));
            }
            if (QuoteLines.isOtherLabel(label(i)) && i + 1 < lines.length && QuoteLines.isFromLabel(label(i + 1))) {
                return headerBlockFollows(i + 2); // GMX and web.de put "Gesendet:" (Sent) above "Von:"
            }
            return QuoteLines.isFromLabel(label(i)) && headerBlockFollows(i + 1);
        }

        private String label(int i) {
            if (labels[i] == null) labels[i] = QuoteLines.label(lines[i]);
            return labels[i];
        }

        /** Two or more of Sent/To/Subject/Date within the next lines: an Outlook-style header block of the quoted mail. */
        private boolean headerBlockFollows(int from) {
            int found = 0;
            for (int i = from; i < Math.min(lines.length, from + HEADER_BLOCK_LINES); i++) {
                if (QuoteLines.isOtherLabel(label(i))) found++;
            }
            return found >= 2;
        }
    }
}
