package com.helpdesk.local.lambda;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The switch behind the functions' SDK fault interceptor (com.helpdesk.runtime.LocalFaultInterceptor), armed
 * through {@code POST /_local/faults} with {"service": "dynamodb", ...} and asked by every function's SDK client
 * before each attempt and after each completed call (keys function, service, phase, operation):
 * <ul>
 *   <li>"throttle": the next n DynamoDB attempts of any function fail as throttled before they are sent;</li>
 *   <li>"crash-after-write": the next n completed calls of one operation (TransactWriteItems unless named: the
 *   write of a change with its outbox events), optionally of one function only, are applied and then the
 *   function crashes.</li>
 * </ul>
 * Counts of what was injected are kept for the soak's figures.
 */
public final class SdkFaults implements Function<Map<String, String>, String> {
    public static final String THROTTLE = "throttle";
    public static final String CRASH_AFTER_WRITE = "crash-after-write";

    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();
    private volatile String crashOperation = "TransactWriteItems";
    private volatile String crashFunction;
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

    /**
     * Arms a fault on DynamoDB; 0 clears it.
     *
     * @param operation for a crash: the SDK operation (null: TransactWriteItems)
     * @param functionName for a crash: the function's physical name (null: any function)
     */
    public void failNext(int n, String error, String operation, String functionName) {
        switch (error) {
            case THROTTLE -> throttles.set(n);
            case CRASH_AFTER_WRITE -> {
                crashOperation = operation == null ? "TransactWriteItems" : operation;
                crashFunction = functionName;
                crashes.set(n);
            }
            default -> throw new IllegalArgumentException("error must be " + THROTTLE + " or " + CRASH_AFTER_WRITE);
        }
    }

    @Override
    public String apply(Map<String, String> call) {
        if (!"DYNAMODB".equals(call.get("service"))) return null;
        if ("attempt".equals(call.get("phase")) && take(throttles)) return counted(THROTTLE);
        if ("done".equals(call.get("phase")) && crashOperation.equals(call.get("operation"))
                && (crashFunction == null || crashFunction.equals(call.get("function"))) && take(crashes)) {
            return counted(CRASH_AFTER_WRITE);
        }
        return null;
    }

    /** How many of each fault were injected so far. */
    public Map<String, Integer> injected() {
        Map<String, Integer> out = new TreeMap<>();
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private String counted(String fault) {
        injected.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
        return fault;
    }

    private static boolean take(AtomicInteger armed) {
        return armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
