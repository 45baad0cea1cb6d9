package com.helpdesk.http;

/**
 * The two kinds of text a request carries. Single-line fields (subjects, names, ids, tags, settings)
 * must hold no control character at all: CR/LF in a subject is a header injection waiting for its
 * consumer. Multi-line fields (message bodies, comments) keep line breaks and tabs and lose the rest.
 */
public final class TextFields {
    static final String SINGLE_LINE_REASON = "must be a single line: control characters (such as CR, LF or tab) are not allowed";

    private TextFields() {}

    public static boolean isSingleLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) return false;
        }
        return true;
    }

    public static String multiLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
            } else if (c == '\n' || c == '\t' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }
}
