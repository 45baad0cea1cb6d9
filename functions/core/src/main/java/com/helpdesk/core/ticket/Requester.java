package com.helpdesk.core.ticket;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The customer a ticket is for. At least one of email or phone identifies them; both are normalised
 * (email lower-cased, phone reduced to '+' and digits) so that lookups by either find the same person.
 * {@code externalIds} holds provider identities, e.g. {"shopify": "7001", "whatsapp": "15551234567"}.
 */
public record Requester(String email, String phone, String name, Map<String, String> externalIds) {
    static final int MAX_NAME = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{5,15}$");

    public Requester {
        externalIds = externalIds == null ? Map.of() : Map.copyOf(new TreeMap<>(externalIds));
    }

    /** Validates and normalises raw input; field names in errors are prefixed with {@code field}. */
    public static Requester of(String field, String email, String phone, String name, Map<String, String> externalIds) {
        List<FieldError> errors = new ArrayList<>();
        String e = normaliseEmail(email);
        if (e != null && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
            errors.add(new FieldError(field + ".email", "is not an email address"));
        }
        String p = normalisePhone(phone);
        if (p != null && !PHONE.matcher(p).matches()) {
            errors.add(new FieldError(field + ".phone", "is not a phone number (digits, optionally with a leading +)"));
        }
        if (e == null && p == null) {
            errors.add(new FieldError(field, "needs an email or a phone number"));
        }
        String n = blankToNull(name);
        if (n != null && n.length() > MAX_NAME) {
            errors.add(new FieldError(field + ".name", "is longer than " + MAX_NAME + " characters"));
        }
        if (externalIds != null) {
            for (Map.Entry<String, String> id : externalIds.entrySet()) {
                if (blankToNull(id.getKey()) == null || blankToNull(id.getValue()) == null
                        || id.getKey().length() > 64 || id.getValue().length() > 256) {
                    errors.add(new FieldError(field + ".externalIds", "keys and values must be non-empty (64/256 characters at most)"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Requester(e, p, n, externalIds);
    }

    /** The identities this requester can be found by, most specific first: email, then phone. */
    public List<String> identities() {
        List<String> ids = new ArrayList<>(2);
        if (email != null) ids.add(email);
        if (phone != null) ids.add(phone);
        return ids;
    }

    /** Normalises a requester search term the same way identities are stored. */
    public static String normaliseIdentity(String raw) {
        String s = blankToNull(raw);
        if (s == null) return null;
        if (s.contains("@")) return normaliseEmail(s);
        String p = normalisePhone(s);
        return p != null && PHONE.matcher(p).matches() ? p : s.toLowerCase(Locale.ROOT);
    }

    static String normaliseEmail(String email) {
        String s = blankToNull(email);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String normalisePhone(String phone) {
        String s = blankToNull(phone);
        if (s == null) return null;
        String compact = s.replaceAll("[\\s().\\-/]", "");
        if (compact.startsWith("00")) compact = "+" + compact.substring(2);
        return compact;
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
