package com.helpdesk.http;

import java.util.OptionalLong;

/** Strong ETags carry the ticket version: "7". */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header demands, empty when the header is absent or "*".
     * A weak or non-numeric tag can never match a strong comparison (RFC 9110 13.1.1), so it yields -1.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return OptionalLong.empty();
        String v = ifMatch.strip();
        if (v.contains(",")) {
            throw HttpProblem.badRequest("If-Match must name exactly one ETag, e.g. If-Match: \"3\"");
        }
        if (v.startsWith("W/")) return OptionalLong.of(-1);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
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
