package com.helpdesk.core.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's email the AI answered by itself (the WISMO auto-answer: its reply and its resolution in one change),
 * as the metrics function sees its events: handled and deflected; once the customer writes back and the ticket
 * reopens, handed off and no longer deflected, before any agent has answered.
 */
class AiAutoAnswerMetricsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalDate DEC1 = LocalDate.parse("2026-12-01");
    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ANSWERED = CREATED.plusSeconds(8);
    private final List<Observation> observations = new ArrayList<>();

    private void add(Observation.Kind kind, Instant at, String actorType, String actorId, Map<String, String> fields) {
        observations.add(new Observation("evt_" + observations.size(), kind, at, actorType, actorId, fields));
    }

    private void autoAnswered() {
        add(Observation.Kind.CREATED, CREATED, "customer", "ana@example.com", Map.of("channel", "email", "priority", "normal", "status", "new"));
        add(Observation.Kind.MESSAGE, CREATED, "customer", "ana@example.com", Map.of("visibility", "public", "authorType", "customer"));
        add(Observation.Kind.MESSAGE, ANSWERED, "ai", "auto-answer", Map.of("visibility", "public", "authorType", "ai"));
        add(Observation.Kind.STATUS, ANSWERED, "ai", "auto-answer", Map.of("from", "new", "to", "resolved"));
    }

    private MetricsRow aiRow() {
        InMemoryMetricsStore store = new InMemoryMetricsStore();
        MetricsService service = new MetricsService(store, new MetricsDefinitions(UTC, AroundTheClock.INSTANCE));
        for (Observation o : observations) service.record("tkt_w", o);
        return new MetricsQuery(store, UTC).agents(DEC1, DEC1).rows().stream().filter(r -> r.key().equals("ai")).findFirst().orElseThrow();
    }

    @Test
    void anAutoAnsweredTicketIsHandledAndDeflected() {
        autoAnswered();
        MetricsRow ai = aiRow();
        assertThat(ai.count(Counter.AI_HANDLED)).isEqualTo(1);
        assertThat(ai.count(Counter.AI_DEFLECTED)).isEqualTo(1);
        assertThat(ai.count(Counter.AI_HANDED_OFF)).isZero();
        assertThat(ai.count(Counter.RESOLVED)).isEqualTo(1);
    }

    @Test
    void theCustomersReplyReopeningItIsAHandoffBeforeAnyAgentAnswers() {
        autoAnswered();
        Instant wroteBack = ANSWERED.plusSeconds(3600);
        add(Observation.Kind.MESSAGE, wroteBack, "customer", "ana@example.com", Map.of("visibility", "public", "authorType", "customer"));
        add(Observation.Kind.STATUS, wroteBack, "customer", "ana@example.com", Map.of("from", "resolved", "to", "open"));
        MetricsRow ai = aiRow();
        assertThat(ai.count(Counter.AI_HANDLED)).isEqualTo(1);
        assertThat(ai.count(Counter.AI_HANDED_OFF)).isEqualTo(1);
        assertThat(ai.count(Counter.AI_DEFLECTED)).isZero();

        add(Observation.Kind.MESSAGE, wroteBack.plusSeconds(600), "agent", "alice", Map.of("visibility", "public", "authorType", "agent"));
        assertThat(aiRow().count(Counter.AI_HANDED_OFF)).as("the agent's answer later is the same handoff").isEqualTo(1);
    }
}
