package com.helpdesk.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.HeadlineFigures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The names and dimension sets the dashboard reads (docs/runbook.md#metrics), one EMF line per count. */
class CloudWatchMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:15:30.123Z");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CloudWatchMetrics metrics = new CloudWatchMetrics(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), "Helpdesk", "helpdesk-prod");

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) if (!line.isBlank()) docs.add(Json.mapper().readTree(line));
        out.reset();
        return docs;
    }

    /** The dimension sets a document declares, each with the values its root gives them. */
    private static List<Map<String, String>> dimensionSets(JsonNode doc) {
        List<Map<String, String>> sets = new ArrayList<>();
        for (JsonNode set : doc.at("/_aws/CloudWatchMetrics/0/Dimensions")) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            set.forEach(d -> values.put(d.asText(), doc.get(d.asText()).asText()));
            sets.add(values);
        }
        return sets;
    }

    @Test
    void aCountWithABreakdownGoesUnderStackAloneAndStackWithTheBreakdown() throws Exception {
        metrics.added(new HeadlineFigures("email", Map.of(Counter.CREATED, 1L), Map.of()));

        JsonNode doc = lines().get(0);
        assertThat(doc.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(doc.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Helpdesk");
        assertThat(doc.at("/_aws/CloudWatchMetrics/0/Metrics").toString()).isEqualTo("[{\"Name\":\"TicketsCreated\",\"Unit\":\"Count\"}]");
        assertThat(dimensionSets(doc)).containsExactly(Map.of("Stack", "helpdesk-prod"), Map.of("Stack", "helpdesk-prod", "Channel", "email"));
        assertThat(doc.get("TicketsCreated").asDouble()).isEqualTo(1);
    }

    @Test
    void eachMetricHasItsRunbookNameAndBreakdown() throws Exception {
        record Case(Runnable count, String name, String dimension, String value, double n) {}
        for (Case c : List.of(
                new Case(() -> metrics.inboundMessage("threaded"), "InboundMessages", "Outcome", "threaded", 1),
                new Case(() -> metrics.replySent("chat"), "RepliesSent", "Channel", "chat", 1),
                new Case(() -> metrics.replyFailed("email"), "RepliesFailed", "Channel", "email", 1),
                new Case(() -> metrics.deadLetterParked("unreadable"), "DeadLetterParks", "Reason", "unreadable", 1),
                new Case(() -> metrics.eventsRelayed(7), "EventsRelayed", null, null, 7))) {
            c.count().run();
            List<JsonNode> docs = lines();
            assertThat(docs).as(c.name()).hasSize(1);
            JsonNode doc = docs.get(0);
            assertThat(doc.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo(c.name());
            assertThat(doc.get(c.name()).asDouble()).isEqualTo(c.n());
            List<Map<String, String>> sets = dimensionSets(doc);
            assertThat(sets.get(0)).isEqualTo(Map.of("Stack", "helpdesk-prod"));
            if (c.dimension() == null) assertThat(sets).hasSize(1);
            else assertThat(sets.get(1)).isEqualTo(Map.of("Stack", "helpdesk-prod", c.dimension(), c.value()));
        }
    }

    @Test
    void theHeadlineFiguresOfAnEventAreCountsAndSecondsByChannel() throws Exception {
        metrics.added(new HeadlineFigures("chat", Map.of(Counter.RESOLVED, 1L), Map.of(DurationMetric.RESOLUTION, List.of(3600L))));

        List<JsonNode> docs = lines();
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).get("TicketsResolved").asDouble()).isEqualTo(1);
        assertThat(docs.get(1).at("/_aws/CloudWatchMetrics/0/Metrics").toString()).isEqualTo("[{\"Name\":\"ResolutionTime\",\"Unit\":\"Seconds\"}]");
        assertThat(docs.get(1).get("ResolutionTime").asDouble()).isEqualTo(3600);
        assertThat(dimensionSets(docs.get(1))).containsExactly(Map.of("Stack", "helpdesk-prod"), Map.of("Stack", "helpdesk-prod", "Channel", "chat"));
    }

    @Test
    void everyFigureHasItsOwnName() {
        List<String> names = new ArrayList<>();
        for (Counter c : Counter.values()) {
            String name = CloudWatchMetrics.name(c);
            // the per-target SLA counters live in the aggregates only (GET /metrics sla.byTarget)
            if (name == null) assertThat(c.name()).as(c + " unnamed").matches("SLA_(FIRST_RESPONSE|NEXT_RESPONSE|RESOLUTION)_(MET|BREACHED)");
            else names.add(name);
        }
        for (DurationMetric d : DurationMetric.values()) names.add(CloudWatchMetrics.name(d));
        assertThat(names).doesNotContainNull().doesNotHaveDuplicates().contains("SlaMet", "SlaBreached");
    }

    @Test
    void aValueCloudWatchWouldRefuseIsNotWrittenAndDoesNotFailTheWorkItCounts() throws Exception {
        metrics.replySent("web chat"); // a space: not a dimension value CloudWatch takes
        metrics.replySent("");
        metrics.replySent(null);
        metrics.deadLetterParked("x".repeat(1025));
        assertThat(lines()).isEmpty();
        metrics.replySent("chat");
        assertThat(lines()).hasSize(1);
    }

    @Test
    void inLambdaEachLineCarriesTheEnvironmentsPropertiesAsTheEmfLibraryAddedThem() throws Exception {
        CloudWatchMetrics inLambda = new CloudWatchMetrics(new PrintStream(out, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("AWS_EXECUTION_ENV", "AWS_Lambda_java17", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                        "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/02/[$LATEST]abc", "_X_AMZN_TRACE_ID", "Root=1-5e1b4151-5ac6c58f5b5daa7b5f2a5b8c;Sampled=1"),
                "Helpdesk", "helpdesk-prod");
        inLambda.inboundMessage("opened");
        JsonNode doc = lines().get(0);
        assertThat(doc.get("executionEnvironment").asText()).isEqualTo("AWS_Lambda_java17");
        assertThat(doc.get("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(doc.get("logStreamId").asText()).isEqualTo("2026/12/02/[$LATEST]abc");
        assertThat(doc.get("traceId").asText()).startsWith("Root=1-5e1b4151");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\n\n");
    }
}
