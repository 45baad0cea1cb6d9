package com.helpdesk.core;

import java.util.List;

/** Input that is well-formed but breaks a domain rule (missing field, bad value, over a limit). */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.field()).append(": ").append(e.reason());
        }
        return sb.toString();
    }

    public record FieldError(String field, String reason) {}
}
