package com.helpdesk.runtime;

import com.helpdesk.core.port.OperationalMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.regex.Pattern;

/**
 * The operator's counts as CloudWatch metrics in the embedded metric format (Powertools metrics): each
 * count is flushed at once as its own EMF line into the namespace of the template's MetricsNamespace,
 * under the dimension set {Stack} (the totals) and, with a breakdown, {Stack, breakdown} too: exactly
 * what the dashboard reads (docs/runbook.md#metrics), without Powertools' default Service dimension.
 * Flushing per count needs no flush at the end of each handler, so no count is lost to an early return.
 */
public final class CloudWatchMetrics implements OperationalMetrics {
    private static final Logger log = LoggerFactory.getLogger(CloudWatchMetrics.class);
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#-]{1,255}");
    private static final Pattern STACK = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    private final Metrics metrics;
    private final String namespace;
    private final String stack;

    CloudWatchMetrics(Metrics metrics, String namespace, String stack) {
        this.metrics = metrics;
        this.namespace = namespace;
        this.stack = stack;
    }

    /**
     * The metrics of a function: EMF lines when it runs in Lambda (where Lambda ships stdout to CloudWatch,
     * which extracts them). Elsewhere (the local stack, a test) EMF's library would probe for an EC2 or
     * agent endpoint, so each count is a DEBUG log line instead.
     */
    public static OperationalMetrics of(Settings settings) {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null) return new LoggedMetrics(settings.namespace(), settings.stack());
        return new CloudWatchMetrics(MetricsFactory.getMetricsInstance(), settings.namespace(), settings.stack());
    }

    /** Where the counts go: the template's MetricsNamespace, dimensioned by the stack's name. */
    public record Settings(String namespace, String stack) {
        public static Settings read(EnvironmentReader env) {
            return new Settings(
                    env.matching("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE, "a CloudWatch namespace (1 to 255 of A-Z a-z 0-9 . _ / # -)"),
                    env.matching("STACK_NAME", STACK, "a CloudFormation stack name"));
        }
    }

    @Override public void ticketCreated(String channel) { count("TicketsCreated", 1, "Channel", channel); }
    @Override public void inboundMessage(String outcome) { count("InboundMessages", 1, "Outcome", outcome); }
    @Override public void replySent(String channel) { count("RepliesSent", 1, "Channel", channel); }
    @Override public void replyFailed(String channel) { count("RepliesFailed", 1, "Channel", channel); }
    @Override public void eventsRelayed(int count) { if (count > 0) count("EventsRelayed", count, null, null); }
    @Override public void deadLetterParked(String reason) { count("DeadLetterParks", 1, "Reason", reason); }

    private void count(String name, int value, String dimension, String dimensionValue) {
        try {
            metrics.flushMetrics(m -> {
                m.clearDefaultDimensions();
                m.setNamespace(namespace);
                m.addDimension(DimensionSet.of("Stack", stack));
                if (dimension != null) m.addDimension(DimensionSet.of("Stack", stack, dimension, dimensionValue));
                m.addMetric(name, value, MetricUnit.COUNT);
            });
        } catch (RuntimeException e) {
            // a metric is never worth failing the work it counts
            log.warn("metric {} not emitted", name, e);
        }
    }

    /** Outside Lambda: each count as a DEBUG line with the same names. */
    record LoggedMetrics(String namespace, String stack) implements OperationalMetrics {
        private void count(String name, int value, String dimension, String dimensionValue) {
            log.debug("metric {}/{} {} (Stack={}{})", namespace, name, value, stack,
                    dimension == null ? "" : ", " + dimension + "=" + dimensionValue);
        }

        @Override public void ticketCreated(String channel) { count("TicketsCreated", 1, "Channel", channel); }
        @Override public void inboundMessage(String outcome) { count("InboundMessages", 1, "Outcome", outcome); }
        @Override public void replySent(String channel) { count("RepliesSent", 1, "Channel", channel); }
        @Override public void replyFailed(String channel) { count("RepliesFailed", 1, "Channel", channel); }
        @Override public void eventsRelayed(int count) { count("EventsRelayed", count, null, null); }
        @Override public void deadLetterParked(String reason) { count("DeadLetterParks", 1, "Reason", reason); }
    }
}
