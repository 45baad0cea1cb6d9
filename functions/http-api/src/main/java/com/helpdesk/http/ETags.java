package com.helpdesk.http;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Strong ETags carry the ticket version: "7". */
public final class ETags {
    /** A version as {@link #of} writes it: ASCII digits without sign or leading zeros ("+7", "007" and "٧" are other tags). */
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,18}");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header demands, empty when the header is absent or "*".
     * A weak or non-numeric tag can never match a strong comparison (RFC 9110 13.1.1), so it yields -1; so does
     * any other spelling of a number than the tag's own (the comparison is character by character).
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return OptionalLong.empty();
        String v = ifMatch.strip();
        if (v.contains(",")) {
            throw HttpProblem.badRequest("If-Match must name exactly one ETag, e.g. If-Match: \"3\"");
        }
        if (v.startsWith("W/")) return OptionalLong.of(-1);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        if (!VERSION.matcher(v).matches()) return OptionalLong.of(-1);
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException overLongMax) {
            return OptionalLong.of(-1);
        }
    }

    /** True when an If-None-Match header names this version (or "*"). */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) return true;
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals(of(version))) return true;
        }
        return false;
    }
}
