package com.helpdesk.core.metrics;

/** The durations kept as distributions, in whole seconds (definitions: docs/metrics.md). */
public enum DurationMetric {
    FIRST_RESPONSE, FIRST_RESPONSE_BUSINESS, RESOLUTION, RESOLUTION_CYCLE
}
