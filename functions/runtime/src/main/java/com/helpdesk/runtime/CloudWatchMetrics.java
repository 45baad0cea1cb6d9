package com.helpdesk.runtime;

import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.HeadlineFigures;
import com.helpdesk.core.metrics.SupportMetrics;
import com.helpdesk.core.port.OperationalMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.helpdesk.runtime.EmbeddedMetric.Unit;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's counts as CloudWatch metrics in the embedded metric format ({@link EmbeddedMetric}): each
 * count is written at once as its own EMF line on stdout (which Lambda ships to CloudWatch Logs) into the namespace
 * of the template's MetricsNamespace, under the dimension set {Stack} (the totals) and, with a breakdown,
 * {Stack, breakdown} too: exactly what the dashboard reads (docs/runbook.md#metrics).
 * Writing per count needs no flush at the end of each handler, so no count is lost to an early return.
 * The headline support numbers (MetricsFunction) go the same way, broken down by the ticket's channel.
 */
public final class CloudWatchMetrics implements OperationalMetrics, SupportMetrics {
    private static final Logger log = LoggerFactory.getLogger(CloudWatchMetrics.class);
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#-]{1,255}");
    private static final Pattern STACK = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

    /** Where one value goes: an EMF line in Lambda, a DEBUG line elsewhere. */
    interface Sink {
        void emit(String name, double value, Unit unit, String dimension, String dimensionValue);
    }

    private final Sink sink;

    /** EMF lines on {@code out}, stamped by {@code clock}, with the properties of {@code environment} (Lambda's variables). */
    CloudWatchMetrics(PrintStream out, Clock clock, Map<String, String> environment, String namespace, String stack) {
        this(emf(out, clock, EmbeddedMetric.lambdaProperties(environment), namespace, stack));
    }

    CloudWatchMetrics(Sink sink) {
        this.sink = sink;
    }

    /**
     * The metrics of a function: EMF lines when it runs in Lambda (where Lambda ships stdout to CloudWatch,
     * which extracts them). Elsewhere (the local stack, a test) nothing would read them, so each count is a DEBUG
     * log line instead.
     */
    public static CloudWatchMetrics of(Settings settings) {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null) return logged(settings.namespace(), settings.stack());
        return new CloudWatchMetrics(System.out, Clock.systemUTC(), System.getenv(), settings.namespace(), settings.stack());
    }

    /** Outside Lambda: each value as a DEBUG line with the same names. */
    static CloudWatchMetrics logged(String namespace, String stack) {
        return new CloudWatchMetrics((name, value, unit, dimension, dimensionValue) -> log.debug("metric {}/{} {} {} (Stack={}{})",
                namespace, name, value, unit, stack, dimension == null ? "" : ", " + dimension + "=" + dimensionValue));
    }

    /** Where the counts go: the template's MetricsNamespace, dimensioned by the stack's name. */
    public record Settings(String namespace, String stack) {
        public static Settings read(EnvironmentReader env) {
            return new Settings(
                    env.matching("POWERTOOLS_METRICS_NAMESPACE", NAMESPACE, "a CloudWatch namespace (1 to 255 of A-Z a-z 0-9 . _ / # -)"),
                    env.matching("STACK_NAME", STACK, "a CloudFormation stack name"));
        }
    }

    @Override public void inboundMessage(String outcome) { count("InboundMessages", 1, "Outcome", outcome); }
    @Override public void replySent(String channel) { count("RepliesSent", 1, "Channel", channel); }
    @Override public void replyFailed(String channel) { count("RepliesFailed", 1, "Channel", channel); }
    @Override public void eventsRelayed(int count) { if (count > 0) count("EventsRelayed", count, null, null); }
    @Override public void deadLetterParked(String reason) { count("DeadLetterParks", 1, "Reason", reason); }

    /** Each count and each duration value the event added, under {Stack} and {Stack, Channel}. */
    @Override
    public void added(HeadlineFigures figures) {
        figures.counts().forEach((counter, n) -> {
            if (name(counter) != null) count(name(counter), n, "Channel", figures.channel());
        });
        figures.durations().forEach((metric, values) -> values.forEach(seconds ->
                sink.emit(name(metric), seconds, Unit.SECONDS, "Channel", figures.channel())));
    }

    /** The dashboard's names of the figures of docs/metrics.md (docs/runbook.md#metrics); null: not emitted. */
    static String name(Counter counter) {
        return switch (counter) {
            case CREATED -> "TicketsCreated";
            case RESOLVED -> "TicketsResolved";
            case REOPENED -> "TicketsReopened";
            case ESCALATED -> "TicketsEscalated";
            case ONE_TOUCH -> "OneTouchResolutions";
            case CSAT_RESPONSES -> "CsatResponses";
            case CSAT_RATING_SUM -> "CsatRatingPoints";
            case CSAT_SATISFIED -> "CsatSatisfied";
            case SLA_MET -> "SlaMet";
            case SLA_BREACHED -> "SlaBreached";
            case AI_HANDLED -> "AiHandled";
            case AI_DEFLECTED -> "AiDeflected";
            case AI_HANDED_OFF -> "AiHandedOff";
            // per target only in the aggregates (GET /metrics sla.byTarget); the dashboard plots SlaMet / SlaBreached
            case SLA_FIRST_RESPONSE_MET, SLA_FIRST_RESPONSE_BREACHED, SLA_NEXT_RESPONSE_MET, SLA_NEXT_RESPONSE_BREACHED,
                 SLA_RESOLUTION_MET, SLA_RESOLUTION_BREACHED -> null;
        };
    }

    static String name(DurationMetric metric) {
        return switch (metric) {
            case FIRST_RESPONSE -> "FirstResponseTime";
            case FIRST_RESPONSE_BUSINESS -> "FirstResponseBusinessTime";
            case RESOLUTION -> "ResolutionTime";
            case RESOLUTION_CYCLE -> "ResolutionCycleTime";
        };
    }

    private void count(String name, long value, String dimension, String dimensionValue) {
        sink.emit(name, value, Unit.COUNT, dimension, dimensionValue);
    }

    private static Sink emf(PrintStream out, Clock clock, Map<String, String> properties, String namespace, String stack) {
        return (name, value, unit, dimension, dimensionValue) -> {
            try {
                out.println(new EmbeddedMetric(namespace, stack, name, value, unit, dimension, dimensionValue).line(clock.instant(), properties));
            } catch (RuntimeException e) {
                // a metric is never worth failing the work it counts
                log.warn("metric {} not emitted", name, e);
            }
        };
    }
}
