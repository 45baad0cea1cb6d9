package com.helpdesk.core.ticket;

import com.helpdesk.core.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values travel as lower-case words; parsing names the allowed values when it refuses. */
final class Wire {
    private Wire() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new ValidationException(field, "unknown value '" + truncate(value) + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Wire::name).collect(Collectors.joining(", ")));
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String truncate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
