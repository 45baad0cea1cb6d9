package com.helpdesk.core.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What each applied event adds to the headline numbers (the dashboard's flow), on the worked examples of docs/metrics.md. */
class HeadlineFiguresTest {
    private final MetricsService service = new MetricsService(new InMemoryMetricsStore(),
            new MetricsDefinitions(ZoneId.of("Europe/Berlin"), AroundTheClock.INSTANCE));

    private List<HeadlineFigures> feed(String ticketId) {
        List<HeadlineFigures> added = new ArrayList<>();
        for (WorkedExamples.Event e : WorkedExamples.all()) {
            if (e.ticketId().equals(ticketId)) service.apply(e.ticketId(), e.observation()).filter(f -> !f.isEmpty()).ifPresent(added::add);
        }
        return added;
    }

    @Test
    void eachStepOfAnEmailTicketAddsWhatItChanged() {
        List<HeadlineFigures> a = feed("tkt_a");

        assertThat(a).extracting(HeadlineFigures::channel).containsOnly("email");
        assertThat(a.get(0).counts()).isEqualTo(Map.of(Counter.CREATED, 1L));
        assertThat(a.get(1).durations().get(DurationMetric.FIRST_RESPONSE)).containsExactly(2400L);
        assertThat(a.get(2).counts()).isEqualTo(Map.of(Counter.RESOLVED, 1L, Counter.ONE_TOUCH, 1L));
        assertThat(a.get(2).durations().get(DurationMetric.RESOLUTION)).containsExactly(34_200L);
        assertThat(a.get(3).counts()).isEqualTo(Map.of(Counter.CSAT_RESPONSES, 1L, Counter.CSAT_RATING_SUM, 3L));
        assertThat(a.get(4).counts()).as("a 5 replacing the 3: two more points, now satisfied, no second response")
                .isEqualTo(Map.of(Counter.CSAT_RATING_SUM, 2L, Counter.CSAT_SATISFIED, 1L));
        assertThat(a).hasSize(5);
    }

    @Test
    void aReopenedTicketResolvedAgainCountsTwoResolutionsAndOneReopen() {
        List<HeadlineFigures> b = feed("tkt_b");

        assertThat(total(b, Counter.RESOLVED)).isEqualTo(2);
        assertThat(total(b, Counter.REOPENED)).isEqualTo(1);
        assertThat(total(b, Counter.ESCALATED)).isEqualTo(1);
        assertThat(b).extracting(HeadlineFigures::channel).containsOnly("chat");
    }

    @Test
    void theAiResolvingAConversationIsADeflection() {
        assertThat(total(feed("tkt_c"), Counter.AI_DEFLECTED)).isEqualTo(1);
        assertThat(total(feed("tkt_d"), Counter.AI_HANDED_OFF)).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        WorkedExamples.Event created = WorkedExamples.all().get(0);
        assertThat(service.apply(created.ticketId(), created.observation())).isPresent();
        assertThat(service.apply(created.ticketId(), created.observation())).isEqualTo(Optional.empty());
    }

    private static long total(List<HeadlineFigures> figures, Counter counter) {
        return figures.stream().mapToLong(f -> f.counts().getOrDefault(counter, 0L)).sum();
    }
}
