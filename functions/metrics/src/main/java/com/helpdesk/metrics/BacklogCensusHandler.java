package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.helpdesk.core.metrics.AggregateKey;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.BacklogCensus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scheduled at 23:59 of each team day (BacklogCensusFunction in template.yaml): counts the open work and stores it as that day's backlog. */
public final class BacklogCensusHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final BacklogCensus census;

    public BacklogCensusHandler() {
        this(MetricsWiring.fromEnvironment().census());
    }

    public BacklogCensusHandler(BacklogCensus census) {
        this.census = census;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        List<Backlog> taken = census.take();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("day", taken.get(0).day().toString());
        result.put("dimensions", taken.size());
        result.put("total", taken.stream().filter(b -> b.dimension().equals(AggregateKey.ALL)).mapToLong(Backlog::total).sum());
        return result;
    }
}
