package com.helpdesk.core.metrics;

/**
 * Where the headline support numbers go as they happen (CloudWatch metrics in a deployed stack,
 * docs/runbook.md#metrics), besides the aggregates the metrics API reads.
 */
public interface SupportMetrics {
    /** One applied event added these figures; called only when something was added. */
    void added(HeadlineFigures figures);
}
