package com.helpdesk.core.service;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks of the fields commands take. Each check adds what is wrong to {@code errors} (so a request
 * hears about every bad field at once) and answers the cleaned value.
 */
final class TicketFields {
    private static final Pattern AGENT_ID = Pattern.compile("^[^\\s\\p{Cntrl}]{1,128}$");
    static final int MAX_GROUP = 64;

    private TicketFields() {}

    static String subject(String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s == null) {
            errors.add(new FieldError("subject", "is required"));
        } else if (s.length() > Ticket.MAX_SUBJECT) {
            errors.add(new FieldError("subject", "is longer than " + Ticket.MAX_SUBJECT + " characters"));
        }
        return s;
    }

    static String body(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (raw.length() > Message.MAX_BODY) {
            errors.add(new FieldError(field, "is longer than " + Message.MAX_BODY + " characters"));
        }
        return raw;
    }

    static String agentId(String field, String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s == null) return null;
        if (!AGENT_ID.matcher(s).matches() || TicketQuery.UNASSIGNED.equals(s)) {
            errors.add(new FieldError(field, "is not an agent id (1-128 characters, no spaces; 'none' is reserved)"));
        }
        return s;
    }

    static void agentIdOrThrow(String field, String raw) {
        List<FieldError> errors = new ArrayList<>();
        agentId(field, raw, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    static String group(String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s != null && s.length() > MAX_GROUP) errors.add(new FieldError("group", "is longer than " + MAX_GROUP + " characters"));
        return s;
    }

    /** Runs a check that throws, keeping its errors with the others. */
    static <T> T collect(List<FieldError> errors, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
