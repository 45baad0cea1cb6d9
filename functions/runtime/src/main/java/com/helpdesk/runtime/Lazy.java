package com.helpdesk.runtime;

import java.util.function.Supplier;

/**
 * A value built on first use, once, then kept: for SDK clients that only some paths of a function need (a
 * cold start pays for each client it builds, ~10^2 ms at Lambda's tiered level 1, and most requests never use them).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> build;
    private volatile T value;

    private Lazy(Supplier<? extends T> build) {
        this.build = build;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> build) {
        return new Lazy<>(build);
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) value = java.util.Objects.requireNonNull(build.get(), "a lazy value was built as null");
            return value;
        }
    }
}
