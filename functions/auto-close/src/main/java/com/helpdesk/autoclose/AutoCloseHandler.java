package com.helpdesk.autoclose;

import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.service.AutoClose;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Scheduled: closes tickets resolved longer than AUTO_CLOSE_AFTER_DAYS ago. Reads the raw event with the project's
 * Jackson (only its id is used), not through Lambda's serializer and the events library's Joda-Time ScheduledEvent.
 */
public final class AutoCloseHandler implements RequestStreamHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AutoCloseHandler.class);
    private final AutoClose autoClose;
    private final Duration window;

    public AutoCloseHandler() {
        this(AutoCloseWiring.fromEnvironment());
    }

    private AutoCloseHandler(AutoCloseWiring wiring) {
        this(wiring.autoClose(), wiring.closeAfter());
        SnapStartPriming.register(wiring.primer());
    }

    public AutoCloseHandler(AutoClose autoClose, Duration window) {
        this.autoClose = autoClose;
        this.window = window;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        Json.mapper().writeValue(output, run(event == null ? null : event.path("id").asText(null), context));
    }

    /** One run, under the schedule's event id. */
    public Map<String, Integer> run(String eventId, Context context) {
        return Invocation.handle(context, () -> Invocation.record(eventId, () -> {
            AutoClose.Result r = autoClose.run(window);
            log.info("auto-close examined {} resolved tickets, closed {}", r.examined(), r.closed());
            return Map.of("examined", r.examined(), "closed", r.closed());
        }));
    }
}
