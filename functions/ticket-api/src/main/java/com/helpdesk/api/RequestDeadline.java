package com.helpdesk.api;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the request being handled must be answered, in {@link System#nanoTime()} terms: the invocation's remaining
 * time less what answering takes. Set by the handler at the start of each invocation; a Lambda instance handles
 * one request at a time, so one holder per instance is enough. The commands retry lost races until then.
 */
final class RequestDeadline implements LongSupplier {
    /** Kept for writing the answer (and API Gateway's own overhead) after the last attempt. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(3);
    /** Without a Lambda context (tests, tools): the budget commands had before requests had deadlines. */
    static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(2);
    private volatile long deadlineNanos = System.nanoTime() + WITHOUT_CONTEXT.toNanos();

    void start(Context context) {
        Duration left = context == null ? WITHOUT_CONTEXT : Duration.ofMillis(context.getRemainingTimeInMillis()).minus(ANSWER_MARGIN);
        deadlineNanos = System.nanoTime() + Math.max(0, left.toNanos());
    }

    @Override
    public long getAsLong() {
        return deadlineNanos;
    }
}
