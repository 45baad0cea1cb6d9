package com.helpdesk.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.function.Supplier;

/**
 * The logging context of one invocation and of each record in it, for the JSON lines of
 * {@link com.helpdesk.runtime.logging.LambdaJsonEncoder}. Every handler wraps its work in {@link #handle}; a handler of batches wraps each record
 * in {@link #record} with the record's correlation id (the API request id, the SQS message id, the bus
 * event id), and names the ticket with {@link #ticket} once it knows it.
 *
 * <p>Why the functional API and not {@code @Logging}: Powertools 2.9 offers {@code PowertoolsLogging.withLogging},
 * which fills the same fields (function name, request id, cold start, trace id) as the annotation. The
 * annotation only works after AspectJ compile-time weaving of every function jar (a build plugin per
 * module and aspectjrt at run time) and does nothing in the local stack or in tests that call a handler
 * directly; this class works the same everywhere and keeps the keys to the record being handled.
 */
public final class Invocation {
    /** Powertools' own key: the layout writes it as correlation_id. */
    static final String CORRELATION_ID = "correlation_id";
    static final String TICKET_ID = "ticket_id";

    private Invocation() {}

    /** Runs a handler's work with the invocation's fields in every log line; clears them afterwards. */
    public static <T> T handle(Context context, Supplier<T> work) {
        return PowertoolsLogging.withLogging(context, work);
    }

    /** Runs the work of one record (an API request, an SQS message, a bus event) under its correlation id. */
    public static <T> T record(String correlationId, Supplier<T> work) {
        String outerCorrelation = MDC.get(CORRELATION_ID);
        String outerTicket = MDC.get(TICKET_ID);
        put(CORRELATION_ID, correlationId);
        MDC.remove(TICKET_ID);
        try {
            return work.get();
        } finally {
            put(CORRELATION_ID, outerCorrelation);
            put(TICKET_ID, outerTicket);
        }
    }

    /** As {@link #record(String, Supplier)}, for work without a result. */
    public static void record(String correlationId, Runnable work) {
        record(correlationId, () -> {
            work.run();
            return null;
        });
    }

    /** Names the ticket the current record concerns in the log lines that follow, until the record ends. */
    public static void ticket(String ticketId) {
        put(TICKET_ID, ticketId);
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) MDC.remove(key);
        else MDC.put(key, value);
    }
}
