package com.helpdesk.autoclose;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.AutoClose;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.runtime.LambdaEnvironment;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;

import java.time.Duration;
import java.util.Map;

/** Scheduled: closes tickets resolved longer than AUTO_CLOSE_AFTER_DAYS ago. */
public final class AutoCloseHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final AutoClose autoClose;
    private final Duration window;

    public AutoCloseHandler() {
        this(DynamoDbTicketRepository.fromEnvironment(),
                Duration.ofDays(Long.parseLong(LambdaEnvironment.get("AUTO_CLOSE_AFTER_DAYS").orElse("4"))));
    }

    private AutoCloseHandler(TicketRepository repository, Duration window) {
        this(new AutoClose(repository, new TicketCommands(repository, new UlidGenerator(RuntimeClock.get()), RuntimeClock.get()),
                RuntimeClock.get()), window);
    }

    public AutoCloseHandler(AutoClose autoClose, Duration window) {
        this.autoClose = autoClose;
        this.window = window;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        AutoClose.Result r = autoClose.run(window);
        return Map.of("examined", r.examined(), "closed", r.closed());
    }
}
