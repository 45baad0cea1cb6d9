package com.helpdesk.ops;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line: words (the command), then --options with a value, or flags such as --dry-run. */
final class OpsArgs {
    private static final Set<String> FLAGS = Set.of("--dry-run", "--help", "--abandon");
    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    static OpsArgs parse(String[] args) {
        OpsArgs a = new OpsArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (FLAGS.contains(arg)) {
                    value = "true";
                } else {
                    if (i + 1 >= args.length) throw new UsageException(arg + " needs a value");
                    value = args[++i];
                }
                if (a.options.put(name, value) != null) throw new UsageException(name + " is given twice");
            } else if (arg.equals("-h")) {
                a.options.put("--help", "true");
            } else {
                a.words.add(arg);
            }
        }
        return a;
    }

    List<String> words() { return words; }

    boolean has(String name) { return options.containsKey(name); }

    String get(String name) { return options.get(name); }

    String require(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) throw new UsageException(name + " is required");
        return v;
    }

    boolean flag(String name) { return "true".equals(options.get(name)); }

    Instant instant(String name) {
        String v = require(name);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be an ISO-8601 instant such as 2026-12-01T09:00:00Z, not " + v);
        }
    }

    /** A day YYYY-MM-DD; null when the option is not given. */
    java.time.LocalDate day(String name) {
        String v = options.get(name);
        if (v == null) return null;
        try {
            return java.time.LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be a day YYYY-MM-DD such as 2026-11-01, not " + v);
        }
    }

    int positiveInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(name + " must be a positive whole number, not " + v);
    }

    /** Refuses options this command does not know (a typo must not silently change what runs). */
    void allowOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) throw new UsageException("unknown option " + name);
        }
    }
}
