package com.helpdesk.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The regular-expression constructs that mean the same in ECMA-262 (with and without the u flag, so in
 * every JSON Schema validator and client generator) and in java.util.regex: literal characters, classes
 * and ranges, {@code \xHH}, {@code \\uHHHH}, escaped syntax characters, {@code \d \w} (ASCII in both),
 * quantifiers, anchors, groups, lookahead. Refused: Java's property classes ({@code \p{Cc}}: not
 * ECMA-262 without the u flag, which validators do not all set), {@code \s} (ASCII in Java, Unicode
 * spaces in ECMA-262), {@code \v \h \R \A \z \Z \Q}, back-references, inline flags, named, atomic and
 * lookbehind groups, possessive quantifiers.
 */
final class PortablePattern {
    private static final String SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|/-";
    private static final String SAME_MEANING_ESCAPES = "dDwWnrtf";

    private PortablePattern() {}

    /** The constructs of {@code pattern} outside the portable set, as written; empty when it is portable. */
    static List<String> unportable(String pattern) {
        List<String> out = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '[' || c == ']') inClass = c == '[';
            if (c == '\\') {
                int length = escapeLength(pattern, i + 1);
                if (length == 0) out.add(pattern.substring(i, Math.min(i + 2, pattern.length())));
                i += Math.max(length, 1);
            } else if (inClass) {
                continue;
            } else if (c == '(' && pattern.startsWith("?", i + 1) && !(pattern.startsWith("?:", i + 1)
                    || pattern.startsWith("?=", i + 1) || pattern.startsWith("?!", i + 1))) {
                out.add(pattern.substring(i, Math.min(i + 4, pattern.length())));
            } else if ("*+?}".indexOf(c) >= 0 && pattern.startsWith("+", i + 1)) {
                out.add(pattern.substring(i, i + 2));
            }
        }
        return out;
    }

    /** How many characters after the backslash form a portable escape; 0 when it is not one. */
    private static int escapeLength(String p, int at) {
        if (at >= p.length()) return 0;
        char c = p.charAt(at);
        if (SYNTAX_CHARACTERS.indexOf(c) >= 0 || SAME_MEANING_ESCAPES.indexOf(c) >= 0) return 1;
        if (c == 'x' && hex(p, at + 1, 2)) return 3;
        if (c == 'u' && hex(p, at + 1, 4)) return 5;
        return 0;
    }

    private static boolean hex(String p, int from, int count) {
        if (from + count > p.length()) return false;
        for (int i = from; i < from + count; i++) {
            if (Character.digit(p.charAt(i), 16) < 0) return false;
        }
        return true;
    }
}
