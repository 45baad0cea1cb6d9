package com.helpdesk.core.triage;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InMemoryTicketRepository;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IntentTriageTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final TicketDesk desk = TicketDesk.wire(repo, ids, clock);
    private final MemoryIntents intents = new MemoryIntents(repo);
    private IntentPrediction next;
    private final IntentRecords records = new IntentRecords(intents, ids, clock);
    private final IntentTriage triage = new IntentTriage((subject, text) -> next, new IntentPolicy(0.6), records);

    /**
     * Ticket intents in memory beside the tickets, with the optimistic version checks of the real store: the intent
     * and the ticket's classification are written together or not at all. {@code events} are the IntentClassified ones.
     */
    static class MemoryIntents implements TicketIntents {
        final Map<String, Stored> items = new HashMap<>();
        final List<DomainEvent> events = new ArrayList<>();
        private final InMemoryTicketRepository tickets;
        TicketWrite last;

        MemoryIntents(InMemoryTicketRepository tickets) {
            this.tickets = tickets;
        }

        @Override
        public Optional<Stored> find(String ticketId) {
            return Optional.ofNullable(items.get(ticketId));
        }

        @Override
        public void save(Intent intent, long expectedVersion, TicketWrite classification) {
            String ticketId = classification.ticket().id();
            long current = find(ticketId).map(Stored::version).orElse(0L);
            if (current != expectedVersion) throw new VersionConflictException("changed", current);
            tickets.commit(classification);
            last = classification;
            items.put(ticketId, new Stored(intent, current + 1));
            classification.events().stream().filter(e -> e.type().equals(EventTypes.INTENT_CLASSIFIED)).forEach(events::add);
        }
    }

    private static IntentPrediction said(IntentName best, double p, IntentName second, double q, IntentName third, double r) {
        List<IntentScore> scores = new ArrayList<>();
        double rest = (1 - p - q - r) / 11;
        for (IntentName n : IntentName.values()) {
            scores.add(new IntentScore(n, n == best ? p : n == second ? q : n == third ? r : rest));
        }
        return new IntentPrediction(scores, "en", "maxent-test");
    }

    private Ticket ticket(List<String> tags) {
        Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);
        return desk.commands().create(new NewTicket("Order #1001", jane, Channel.EMAIL, null, tags, null, null, null,
                "where is my order #1001", null, null, null), Actor.customer(jane), null).thread().ticket();
    }

    private Ticket reread(Ticket t) {
        return desk.queries().get(t.id()).ticket();
    }

    @Test
    void aConfidentPredictionBecomesTheIntentAndItsTagBesideTheAgentsTags() {
        Ticket t = ticket(List.of("vip"));
        next = said(IntentName.WISMO, 0.92, IntentName.MISSING_ITEM, 0.03, IntentName.OTHER, 0.01);

        Intent intent = triage.classify(t, t.subject(), "where is my order #1001", null).orElseThrow();

        assertThat(intent.name()).isEqualTo(IntentName.WISMO);
        assertThat(intent.source()).isEqualTo(IntentSource.AUTO);
        assertThat(intent.model()).isEqualTo("maxent-test");
        assertThat(intent.suggestions()).isEmpty();
        assertThat(reread(t).tags()).containsExactly("intent:wismo", "vip");
        DomainEvent event = intents.events.get(0);
        assertThat(event.type()).isEqualTo(EventTypes.INTENT_CLASSIFIED);
        assertThat(event.detail()).containsEntry("name", "wismo").containsEntry("source", "auto").containsEntry("confidence", 0.92);
    }

    @Test
    void aClassificationIsOneNewVersionOfTheTicketWithTheIntentItsTagAndTheirEvents() {
        Ticket t = ticket(List.of("vip", "intent:billing"));
        next = said(IntentName.WISMO, 0.92, IntentName.MISSING_ITEM, 0.03, IntentName.OTHER, 0.01);

        triage.classify(t, t.subject(), "where is my order #1001", null).orElseThrow();

        Ticket after = reread(t);
        assertThat(after.version()).isEqualTo(t.version() + 1);
        assertThat(after.tags()).containsExactly("intent:wismo", "vip");
        assertThat(intents.find(t.id()).orElseThrow().intent().name()).isEqualTo(IntentName.WISMO);
        List<DomainEvent> written = intents.last.events();
        assertThat(written).extracting(DomainEvent::type).containsExactly(EventTypes.INTENT_CLASSIFIED, EventTypes.TAGGED);
        assertThat(written.get(1).detail()).containsEntry("added", List.of("intent:wismo"))
                .containsEntry("removed", List.of("intent:billing"));
    }

    @Test
    void aClassificationOfATicketChangedMeanwhileWritesNeitherTheIntentNorTheTag() {
        Ticket t = ticket(List.of());
        desk.commands().update(t.id(), new com.helpdesk.core.ticket.TicketChange(null, com.helpdesk.core.ticket.Priority.HIGH,
                null, null, null, null, null), java.util.OptionalLong.empty(), Actor.agent("alice"));
        next = said(IntentName.WISMO, 0.92, IntentName.MISSING_ITEM, 0.03, IntentName.OTHER, 0.01);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> triage.classify(t, t.subject(), "where is it", null))
                .isInstanceOf(VersionConflictException.class);

        assertThat(intents.find(t.id())).isEmpty();
        assertThat(reread(t).tags()).isEmpty();
    }

    @Test
    void belowTheThresholdTheTicketGetsThreeSuggestionsAndNoTag() {
        Ticket t = ticket(List.of());
        next = said(IntentName.EXCHANGE, 0.45, IntentName.RETURN_REQUEST, 0.35, IntentName.REFUND_STATUS, 0.1);

        Intent intent = triage.classify(t, t.subject(), "swap or send back?", null).orElseThrow();

        assertThat(intent.name()).isNull();
        assertThat(intent.tag()).isNull();
        assertThat(intent.suggestions()).extracting(IntentScore::name)
                .containsExactly(IntentName.EXCHANGE, IntentName.RETURN_REQUEST, IntentName.REFUND_STATUS);
        assertThat(reread(t).tags()).isEmpty();
        assertThat(reread(t).version()).isEqualTo(t.version() + 1); // the ticket shows its suggestions: a new representation
    }

    @Test
    void aNewMessageWithAnotherIntentReplacesTheIntentTag() {
        Ticket t = ticket(List.of());
        next = said(IntentName.WISMO, 0.9, IntentName.OTHER, 0.05, IntentName.SPAM, 0.01);
        triage.classify(t, t.subject(), "where is it", null);
        next = said(IntentName.DAMAGE_CLAIM, 0.8, IntentName.OTHER, 0.1, IntentName.SPAM, 0.01);

        triage.classify(reread(t), t.subject(), "it arrived broken", null);

        assertThat(reread(t).tags()).containsExactly("intent:damage_claim");
        assertThat(intents.find(t.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void theSameVerdictAgainOnATicketTaggedWithItIsNotRecordedAgain() {
        Ticket t = ticket(List.of());
        next = said(IntentName.WISMO, 0.9, IntentName.OTHER, 0.05, IntentName.SPAM, 0.01);
        triage.classify(t, t.subject(), "where is it", null).orElseThrow();
        long version = reread(t).version();

        assertThat(triage.classify(reread(t), t.subject(), "where is it", null)).as("unchanged").isEmpty();
        assertThat(reread(t).version()).isEqualTo(version);
        assertThat(intents.events).hasSize(1);

        next = said(IntentName.WISMO, 0.91, IntentName.OTHER, 0.05, IntentName.SPAM, 0.01); // other words, another confidence
        assertThat(triage.classify(reread(t), t.subject(), "where is it now?", null)).map(Intent::confidence).contains(0.91);
        assertThat(intents.events).hasSize(2);
    }

    @Test
    void theSameVerdictAgainPutsBackAnIntentTagTheTicketLostAndRecordsSuggestionsOnce() {
        Ticket t = ticket(List.of());
        next = said(IntentName.WISMO, 0.9, IntentName.OTHER, 0.05, IntentName.SPAM, 0.01);
        triage.classify(t, t.subject(), "where is it", null).orElseThrow();
        desk.commands().update(t.id(), new com.helpdesk.core.ticket.TicketChange(null, null, null, null, null, null, List.of("intent:wismo")),
                java.util.OptionalLong.empty(), Actor.agent("alice"));
        assertThat(reread(t).tags()).as("alice removed the tag").isEmpty();

        assertThat(triage.classify(reread(t), t.subject(), "where is it", null)).isPresent();
        assertThat(reread(t).tags()).containsExactly("intent:wismo");

        Ticket unsure = ticket(List.of());
        next = said(IntentName.EXCHANGE, 0.45, IntentName.RETURN_REQUEST, 0.35, IntentName.REFUND_STATUS, 0.1);
        triage.classify(unsure, unsure.subject(), "swap or send back?", null).orElseThrow();
        assertThat(triage.classify(reread(unsure), unsure.subject(), "swap or send back?", null)).isEmpty();
        assertThat(intents.find(unsure.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anAgentsCorrectionIsRecordedWithWhatTheModelSaidAndThenStands() {
        Ticket t = ticket(List.of());
        next = said(IntentName.WISMO, 0.7, IntentName.MISSING_ITEM, 0.2, IntentName.OTHER, 0.01);
        triage.classify(t, t.subject(), "where is the rest of my order", null);

        Intent corrected = records.correct(reread(t), IntentName.MISSING_ITEM, Actor.agent("alice"));

        assertThat(corrected.source()).isEqualTo(IntentSource.AGENT);
        assertThat(corrected.correction().modelSaid()).isEqualTo(IntentName.WISMO);
        assertThat(corrected.correction().modelConfidence()).isEqualTo(0.7);
        assertThat(corrected.correction().by()).isEqualTo("alice");
        assertThat(reread(t).tags()).containsExactly("intent:missing_item");
        Map<String, Object> event = intents.events.get(1).detail();
        assertThat(event).containsEntry("source", "agent");
        assertThat(((Map<?, ?>) event.get("correction")).get("modelSaid")).isEqualTo("wismo");

        next = said(IntentName.WISMO, 0.95, IntentName.OTHER, 0.01, IntentName.SPAM, 0.01);
        assertThat(triage.classify(reread(t), t.subject(), "still waiting", null)).isEmpty();
        assertThat(reread(t).tags()).containsExactly("intent:missing_item");
    }

    @Test
    void aSecondCorrectionKeepsWhatTheModelFirstSaid() {
        Ticket t = ticket(List.of());
        next = said(IntentName.OTHER, 0.4, IntentName.BILLING, 0.3, IntentName.ACCOUNT, 0.2);
        triage.classify(t, t.subject(), "hmm", null);
        records.correct(reread(t), IntentName.BILLING, Actor.agent("alice"));

        Intent second = records.correct(reread(t), IntentName.ACCOUNT, Actor.agent("bob"));

        assertThat(second.correction().modelSaid()).isNull();
        assertThat(second.correction().modelSuggestions()).extracting(IntentScore::name)
                .containsExactly(IntentName.OTHER, IntentName.BILLING, IntentName.ACCOUNT);
        assertThat(second.correction().by()).isEqualTo("bob");
    }

    @Test
    void aCorrectionOfATicketNeverClassifiedHasNoModelOpinion() {
        Ticket t = ticket(List.of());

        Intent intent = records.correct(t, IntentName.BILLING, Actor.agent("alice"));

        assertThat(intent.correction()).isNull();
        assertThat(reread(t).tags()).containsExactly("intent:billing");
    }

    @Test
    void theThresholdIsWithinZeroAndOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IntentPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IntentPolicy(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IntentPolicy(0.6).decide(said(IntentName.SPAM, 0.6, IntentName.OTHER, 0.3, IntentName.BILLING, 0.05),
                clock.instant()).name()).isEqualTo(IntentName.SPAM);
    }

    @Test
    void anUnknownIntentNameIsAValidationErrorListingTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntentName.parse("intent", "refund"))
                .isInstanceOf(com.helpdesk.core.ValidationException.class)
                .hasMessageContaining("intent").hasMessageContaining("refund_status");
    }
}
