package com.helpdesk.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.core.metrics.AggregateKey;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.BacklogCensus;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduled at 23:59 of each team day (BacklogCensusFunction in template.yaml): counts the open work and stores it as
 * that day's backlog. The schedule's event carries nothing the census uses; it is not read (nor Lambda's serializer loaded for it).
 */
public final class BacklogCensusHandler implements RequestStreamHandler {
    private final BacklogCensus census;

    public BacklogCensusHandler() {
        this(MetricsWiring.fromEnvironment());
    }

    private BacklogCensusHandler(MetricsWiring wiring) {
        this(wiring.census());
        SnapStartPriming.register(wiring.censusPrimer());
    }

    public BacklogCensusHandler(BacklogCensus census) {
        this.census = census;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.mapper().writeValue(output, take());
    }

    /** The census, taken now: its day, the dimensions stored and the day's total open work. */
    public Map<String, Object> take() {
        List<Backlog> taken = census.take();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("day", taken.get(0).day().toString());
        result.put("dimensions", taken.size());
        result.put("total", taken.stream().filter(b -> b.dimension().equals(AggregateKey.ALL)).mapToLong(Backlog::total).sum());
        return result;
    }
}
