package com.helpdesk.runtime;

import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.HeadlineFigures;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

/** The names and dimension sets the dashboard reads (docs/runbook.md#metrics), one flush per count. */
class CloudWatchMetricsTest {
    private final Metrics powertools = mock(Metrics.class);
    private final CloudWatchMetrics metrics = new CloudWatchMetrics(powertools, "Helpdesk", "helpdesk-prod");

    @Test
    void aCountWithABreakdownGoesUnderStackAloneAndStackWithTheBreakdown() {
        metrics.added(new HeadlineFigures("email", Map.of(Counter.CREATED, 1L), Map.of()));
        Metrics flushed = flushedOnce();
        InOrder order = inOrder(flushed);
        order.verify(flushed).clearDefaultDimensions();
        order.verify(flushed).setNamespace("Helpdesk");
        assertThat(dimensionSets(flushed)).containsExactly(
                Map.of("Stack", "helpdesk-prod"), Map.of("Stack", "helpdesk-prod", "Channel", "email"));
        verify(flushed).addMetric("TicketsCreated", 1, MetricUnit.COUNT);
    }

    @Test
    void eachMetricHasItsRunbookNameAndBreakdown() {
        record Case(Runnable count, String name, String dimension, String value, double n) {}
        for (Case c : List.of(
                new Case(() -> metrics.inboundMessage("threaded"), "InboundMessages", "Outcome", "threaded", 1),
                new Case(() -> metrics.replySent("chat"), "RepliesSent", "Channel", "chat", 1),
                new Case(() -> metrics.replyFailed("email"), "RepliesFailed", "Channel", "email", 1),
                new Case(() -> metrics.deadLetterParked("unreadable"), "DeadLetterParks", "Reason", "unreadable", 1),
                new Case(() -> metrics.eventsRelayed(7), "EventsRelayed", null, null, 7))) {
            reset(powertools);
            c.count().run();
            Metrics flushed = flushedOnce();
            verify(flushed).addMetric(c.name(), c.n(), MetricUnit.COUNT);
            List<Map<String, String>> sets = dimensionSets(flushed);
            assertThat(sets.get(0)).isEqualTo(Map.of("Stack", "helpdesk-prod"));
            if (c.dimension() == null) assertThat(sets).hasSize(1);
            else assertThat(sets.get(1)).isEqualTo(Map.of("Stack", "helpdesk-prod", c.dimension(), c.value()));
        }
    }

    @Test
    void theHeadlineFiguresOfAnEventAreCountsAndSecondsByChannel() {
        metrics.added(new HeadlineFigures("chat", Map.of(Counter.RESOLVED, 1L), Map.of(DurationMetric.RESOLUTION, List.of(3600L))));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<Metrics>> consumers = ArgumentCaptor.forClass(Consumer.class);
        verify(powertools, times(2)).flushMetrics(consumers.capture());
        Metrics counted = mock(Metrics.class);
        Metrics timed = mock(Metrics.class);
        consumers.getAllValues().get(0).accept(counted);
        consumers.getAllValues().get(1).accept(timed);
        verify(counted).addMetric("TicketsResolved", 1, MetricUnit.COUNT);
        verify(timed).addMetric("ResolutionTime", 3600, MetricUnit.SECONDS);
        assertThat(dimensionSets(timed)).containsExactly(
                Map.of("Stack", "helpdesk-prod"), Map.of("Stack", "helpdesk-prod", "Channel", "chat"));
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
    void aFailingFlushDoesNotFailTheWorkItCounts() {
        doThrow(new IllegalStateException("no namespace")).when(powertools).flushMetrics(any());
        metrics.replySent("email");
        verify(powertools).flushMetrics(any());
    }

    @SuppressWarnings("unchecked")
    private Metrics flushedOnce() {
        ArgumentCaptor<Consumer<Metrics>> consumer = ArgumentCaptor.forClass(Consumer.class);
        verify(powertools, times(1)).flushMetrics(consumer.capture());
        Metrics flushed = mock(Metrics.class);
        consumer.getValue().accept(flushed);
        return flushed;
    }

    private static List<Map<String, String>> dimensionSets(Metrics flushed) {
        ArgumentCaptor<DimensionSet> sets = ArgumentCaptor.forClass(DimensionSet.class);
        verify(flushed, atLeastOnce()).addDimension(sets.capture());
        return sets.getAllValues().stream().map(DimensionSet::getDimensions).toList();
    }
}
