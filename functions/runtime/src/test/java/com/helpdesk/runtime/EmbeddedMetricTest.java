package com.helpdesk.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The EMF document against the one Powertools' metrics (with the EMF library, in its Lambda environment) wrote for
 * the same value before: the same document, whatever the order of its keys, apart from the time.
 */
class EmbeddedMetricTest {
    private static JsonNode powertools(String name, double value, MetricUnit unit, String dimension, String dimensionValue) throws Exception {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Metrics metrics = MetricsFactory.getMetricsInstance();
            metrics.flushMetrics(m -> {
                m.clearDefaultDimensions();
                m.setNamespace("Helpdesk");
                m.addDimension(DimensionSet.of("Stack", "helpdesk-prod"));
                if (dimension != null) m.addDimension(DimensionSet.of("Stack", "helpdesk-prod", dimension, dimensionValue));
                m.addMetric(name, value, unit);
            });
        } finally {
            System.setOut(stdout);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).as("one line").doesNotContain("\n");
        return withoutTime(Json.mapper().readTree(line));
    }

    private static JsonNode ours(String name, double value, EmbeddedMetric.Unit unit, String dimension, String dimensionValue) throws Exception {
        String line = new EmbeddedMetric("Helpdesk", "helpdesk-prod", name, value, unit, dimension, dimensionValue).line(Instant.now(), EmbeddedMetric.lambdaProperties(Map.of()));
        assertThat(line).doesNotContain("\n");
        return withoutTime(Json.mapper().readTree(line));
    }

    private static JsonNode withoutTime(JsonNode doc) {
        ((ObjectNode) doc.get("_aws")).remove("Timestamp");
        return doc;
    }

    @Test
    void aCountWithABreakdownIsTheDocumentPowertoolsWrote() throws Exception {
        assertThat(ours("InboundMessages", 1, EmbeddedMetric.Unit.COUNT, "Outcome", "opened"))
                .isEqualTo(powertools("InboundMessages", 1, MetricUnit.COUNT, "Outcome", "opened"));
    }

    @Test
    void aTotalAloneAndADurationAreTheDocumentsPowertoolsWrote() throws Exception {
        assertThat(ours("EventsRelayed", 7, EmbeddedMetric.Unit.COUNT, null, null))
                .isEqualTo(powertools("EventsRelayed", 7, MetricUnit.COUNT, null, null));
        assertThat(ours("ResolutionTime", 3600, EmbeddedMetric.Unit.SECONDS, "Channel", "chat"))
                .isEqualTo(powertools("ResolutionTime", 3600, MetricUnit.SECONDS, "Channel", "chat"));
    }

    @Test
    void whatCloudWatchWouldRefuseIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new EmbeddedMetric("Help desk", "s", "M", 1, EmbeddedMetric.Unit.COUNT, null, null))
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> new EmbeddedMetric("Helpdesk", "s", "M", Double.NaN, EmbeddedMetric.Unit.COUNT, null, null))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new EmbeddedMetric("Helpdesk", "s", "M", 1, EmbeddedMetric.Unit.COUNT, "Channel", "wéb"))
                .hasMessageContaining("dimension Channel");
        assertThatThrownBy(() -> new EmbeddedMetric("Helpdesk", " ", "M", 1, EmbeddedMetric.Unit.COUNT, null, null))
                .hasMessageContaining("dimension Stack");
    }
}
