package com.helpdesk.autoclose;

import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.helpdesk.core.service.AutoClose;

import java.time.Duration;
import java.util.Map;

/** Scheduled: closes tickets resolved longer than AUTO_CLOSE_AFTER_DAYS ago. */
public final class AutoCloseHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AutoCloseHandler.class);
    private final AutoClose autoClose;
    private final Duration window;

    public AutoCloseHandler() {
        this(AutoCloseWiring.fromEnvironment());
    }

    private AutoCloseHandler(AutoCloseWiring wiring) {
        this(wiring.autoClose(), wiring.closeAfter());
    }

    public AutoCloseHandler(AutoClose autoClose, Duration window) {
        this.autoClose = autoClose;
        this.window = window;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return Invocation.handle(context, () -> Invocation.record(event == null ? null : event.getId(), () -> {
            AutoClose.Result r = autoClose.run(window);
            log.info("auto-close examined {} resolved tickets, closed {}", r.examined(), r.closed());
            return Map.of("examined", r.examined(), "closed", r.closed());
        }));
    }
}
