package com.helpdesk.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a function's configuration from its environment variables, once, at init. Each typed getter
 * checks its variable and, when it is missing or malformed, notes a problem naming the variable and
 * what it should hold instead of throwing, so that {@link #valid} reports every problem at once
 * (a deployment with three wrong variables is fixed in one round, not three). An empty variable counts
 * as not set, as Lambda and template.yaml treat it.
 */
public final class EnvironmentReader {
    private final Function<String, Optional<String>> variables;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> read = new LinkedHashSet<>();

    private EnvironmentReader(Function<String, Optional<String>> variables) {
        this.variables = variables;
    }

    /** The function's environment as Lambda (or the local stack, see {@link LocalOverrides}) gives it. */
    public static EnvironmentReader lambda() {
        return new EnvironmentReader(LambdaEnvironment::get);
    }

    /** A given set of variables (tests). */
    public static EnvironmentReader of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new EnvironmentReader(name -> Optional.ofNullable(copy.get(name)).filter(v -> !v.isEmpty()));
    }

    /** A required value matching {@code pattern} in full. */
    public String matching(String name, Pattern pattern, String expected) {
        Optional<String> value = optionalMatching(name, pattern, expected);
        if (value.isEmpty() && raw(name).isEmpty()) missing(name, expected);
        return value.orElse(null);
    }

    /** An optional value that, when set, matches {@code pattern} in full. */
    public Optional<String> optionalMatching(String name, Pattern pattern, String expected) {
        Optional<String> value = raw(name);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            malformed(name, value.get(), expected);
            return Optional.empty();
        }
        return value;
    }

    /** A required whole number from {@code min} to {@code max}. */
    public int integer(String name, int min, int max, String unit) {
        String expected = "a whole number of " + unit + " from " + min + " to " + max;
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            missing(name, expected);
            return min; // never used: valid() refuses the configuration
        }
        try {
            int n = Integer.parseInt(value.get().strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        malformed(name, value.get(), expected);
        return min;
    }

    /** A required number of days from {@code min} to {@code max}, as a duration. */
    public Duration days(String name, int min, int max) {
        return Duration.ofDays(integer(name, min, max, "days"));
    }

    /** A required IANA time-zone id (such as Europe/Berlin, or UTC); offsets and abbreviations are refused. */
    public ZoneId timeZone(String name) {
        String expected = "an IANA time zone such as Europe/Berlin or UTC";
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            missing(name, expected);
            return null;
        }
        if (ZoneId.getAvailableZoneIds().contains(value.get()) || "UTC".equals(value.get())) return ZoneId.of(value.get());
        malformed(name, value.get(), expected);
        return null;
    }

    /** A required {@code true} or {@code false} (the template's AllowedValues; nothing else means yes or no). */
    public boolean bool(String name) {
        String value = matching(name, Pattern.compile("true|false"), "true or false");
        return "true".equals(value);
    }

    /** A required absolute http(s) URL with a host. */
    public URI httpUrl(String name, String expected) {
        Optional<URI> value = optionalHttpUrl(name, expected);
        if (value.isEmpty() && raw(name).isEmpty()) missing(name, expected);
        return value.orElse(null);
    }

    /** An optional absolute http(s) URL with a host. */
    public Optional<URI> optionalHttpUrl(String name, String expected) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(value.get());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        malformed(name, value.get(), expected);
        return Optional.empty();
    }

    /** The value as set, unchecked: for variables whose format is someone else's (the AWS SDK's). */
    public Optional<String> optionalText(String name) {
        return raw(name);
    }

    /** Every variable this reader was asked for, in order (tests compare them with template.yaml). */
    public Set<String> namesRead() {
        return Collections.unmodifiableSet(read);
    }

    /**
     * @return {@code configuration}, built from this reader's getters, when no variable was missing or malformed
     * @throws InvalidConfiguration naming every missing or malformed variable otherwise
     */
    public <T> T valid(T configuration) {
        if (!problems.isEmpty()) throw new InvalidConfiguration(problems);
        return configuration;
    }

    private Optional<String> raw(String name) {
        read.add(name);
        return variables.apply(name);
    }

    private void missing(String name, String expected) {
        problems.add(name + " is not set (expected " + expected + ")");
    }

    private void malformed(String name, String value, String expected) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        problems.add(name + " is '" + shown + "' (expected " + expected + ")");
    }

    /** A function's environment is missing variables or holds malformed ones: the function cannot start. */
    public static final class InvalidConfiguration extends IllegalStateException {
        private final List<String> problems;

        InvalidConfiguration(List<String> problems) {
            super("invalid function configuration: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
