package com.helpdesk.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one entry point the local stack calls (reflectively, inside a function's class loader) before it
 * constructs the function's handler. Only JDK types cross the class-loader boundary. Never called in AWS.
 */
public final class LocalOverrides {
    private LocalOverrides() {}

    public static void install(Map<String, String> environment, Supplier<Instant> clock) {
        LambdaEnvironment.install(environment);
        RuntimeClock.install(clock);
    }

    /** As above, and SDK clients built afterwards ask {@code faults} which failures to inject ({@link LocalFaultInterceptor}). */
    public static void install(Map<String, String> environment, Supplier<Instant> clock, Function<Map<String, String>, String> faults) {
        install(environment, clock);
        AwsClients.installLocalFaults(faults);
    }
}
