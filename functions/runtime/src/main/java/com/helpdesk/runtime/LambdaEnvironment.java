package com.helpdesk.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * A function's environment variables. In Lambda these are the process environment; the local stack
 * runs every function in one JVM (each in its own class loader) and installs each function's
 * variables from template.yaml through {@link LocalOverrides}. Functions read it once, at init, through
 * {@link EnvironmentReader} into their typed configuration.
 */
public final class LambdaEnvironment {
    private static volatile Map<String, String> override;

    private LambdaEnvironment() {}

    public static Optional<String> get(String name) {
        Map<String, String> o = override;
        String v = o != null ? o.get(name) : System.getenv(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    static void install(Map<String, String> env) {
        override = Map.copyOf(env);
    }
}
