package com.helpdesk.runtime;

import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.HeadlineFigures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emitter, the dashboard (template.yaml) and the runbook's metric tables (docs/runbook.md#metrics) name
 * the same metrics: a name the dashboard reads that nobody emits, or one emitted but not documented, fails.
 */
class MetricNamesTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));

    @Test
    void everyEmittedMetricIsDocumentedAndEveryDashboardMetricIsEmitted() throws IOException {
        Set<String> emitted = emitted();
        Set<String> documented = documented();
        Set<String> onTheDashboard = onTheDashboard();

        assertThat(emitted).as("emitted").hasSizeGreaterThan(15);
        assertThat(documented).as("docs/runbook.md#metrics").containsAll(emitted);
        assertThat(emitted).as("what the dashboard reads").containsAll(onTheDashboard);
        assertThat(onTheDashboard).contains("TicketsResolved", "FirstResponseTime", "ResolutionTime", "CsatRatingPoints", "AiDeflected");
    }

    private static Set<String> emitted() {
        Set<String> names = new TreeSet<>();
        CloudWatchMetrics metrics = new CloudWatchMetrics((name, value, unit, dimension, dimensionValue) -> names.add(name));
        metrics.inboundMessage("threaded");
        metrics.replySent("email");
        metrics.replyFailed("email");
        metrics.eventsRelayed(1);
        metrics.deadLetterParked("unreadable");
        Map<Counter, Long> counts = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) counts.put(c, 1L);
        Map<DurationMetric, List<Long>> durations = new EnumMap<>(DurationMetric.class);
        for (DurationMetric d : DurationMetric.values()) durations.put(d, List.of(60L));
        metrics.added(new HeadlineFigures("email", counts, durations));
        return names;
    }

    /** The first column of every table row in the runbook's Metrics section. */
    private static Set<String> documented() throws IOException {
        String runbook = Files.readString(ROOT.resolve("docs/runbook.md"));
        int start = runbook.indexOf("\n## Metrics");
        String section = runbook.substring(start, runbook.indexOf("\n## ", start + 1));
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\|").matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("`([A-Za-z]+)`").matcher(row.group(1));
            while (name.find()) names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> onTheDashboard() throws IOException {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        Set<String> names = new TreeSet<>();
        Matcher direct = Pattern.compile("\\[\"\\$\\{MetricsNamespace}\", \"([A-Za-z]+)\"").matcher(template);
        while (direct.find()) names.add(direct.group(1));
        Matcher searched = Pattern.compile("MetricName=\\\\\"([A-Za-z]+)\\\\\"").matcher(template);
        while (searched.find()) names.add(searched.group(1));
        return names;
    }
}
