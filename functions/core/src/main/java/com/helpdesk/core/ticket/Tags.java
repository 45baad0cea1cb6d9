package com.helpdesk.core.ticket;

import com.helpdesk.core.ValidationException;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tags are normalised so that "Return Request", "return-request" and " RETURN-request " are one tag:
 * NFKC, lower case, runs of whitespace become '-', then only letters, digits and "-_:." remain. The
 * underscore stays distinct: system tags such as {@code parse_error} are written with it.
 */
public final class Tags {
    public static final int MAX_LENGTH = 50;
    public static final int MAX_PER_TICKET = 20;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}:._\\-]*$");

    private Tags() {}

    public static String normalise(String field, String raw) {
        if (raw == null) {
            throw new ValidationException(field, "tags must be strings");
        }
        String t = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "-");
        if (t.isEmpty()) {
            throw new ValidationException(field, "tags must not be empty");
        }
        if (t.length() > MAX_LENGTH) {
            throw new ValidationException(field, "tag '" + Wire.truncate(t) + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(t).matches()) {
            throw new ValidationException(field, "tag '" + t + "' may contain only letters, digits, '-', ':' and '.'");
        }
        return t;
    }

    public static SortedSet<String> normaliseAll(String field, Collection<String> raw) {
        SortedSet<String> out = new TreeSet<>();
        if (raw != null) {
            for (String r : raw) out.add(normalise(field, r));
        }
        return out;
    }

    static void checkCount(String field, Collection<String> tags) {
        if (tags.size() > MAX_PER_TICKET) {
            throw new ValidationException(field, "a ticket has at most " + MAX_PER_TICKET + " tags");
        }
    }

    /**
     * The Tagged event of a change of the ticket's tags: what was added and removed, the tags after, and why when an
     * automation changed them ({@code reason} null for an agent's own change).
     */
    static com.helpdesk.core.event.DomainEvent tagged(com.helpdesk.core.event.EventStamp s, Ticket t, java.util.List<String> added,
                                                      java.util.List<String> removed, Collection<String> after, String reason) {
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("added", added);
        detail.put("removed", removed);
        detail.put("tags", java.util.List.copyOf(after));
        if (reason != null) detail.put("reason", reason);
        return s.event(com.helpdesk.core.event.EventTypes.TAGGED, t, detail);
    }
}
