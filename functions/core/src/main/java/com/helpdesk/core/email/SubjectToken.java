package com.helpdesk.core.email;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket token in a subject line, "[#1042]": written on every reply, read back from answers. */
public final class SubjectToken {
    private SubjectToken() {}

    private static final Pattern TOKEN = Pattern.compile("\\[#([0-9]{1,15})]");

    public static String tag(long number) {
        return "[#" + number + "]";
    }

    /** The subject of a reply on a ticket: "Re: " and the token added once. */
    public static String replySubject(String ticketSubject, long number) {
        String base = ticketSubject == null ? "" : TOKEN.matcher(ticketSubject).replaceAll("").strip();
        String re = base.regionMatches(true, 0, "Re:", 0, 3) ? base : "Re: " + base;
        return (re + " " + tag(number)).strip();
    }

    public static OptionalLong find(String subject) {
        if (subject == null) return OptionalLong.empty();
        Matcher m = TOKEN.matcher(subject);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
