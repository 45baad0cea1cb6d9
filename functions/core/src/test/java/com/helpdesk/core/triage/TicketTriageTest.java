package com.helpdesk.core.triage;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContexts;
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
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's creation and its first message are classified by two deliveries at once: the loser reads again, and
 * records its verdict only when it says something else than the winner's.
 */
class TicketTriageTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final TicketDesk desk = TicketDesk.wire(repo, ids, clock);

    /** What the other classification, which saves first, concluded: the same as this one, unless a test says otherwise. */
    private double winnersConfidence = 0.9;

    /** Another classification saves first, once: the first save of this one loses the race. */
    private final IntentTriageTest.MemoryIntents intents = new IntentTriageTest.MemoryIntents(repo) {
        boolean raced;

        @Override
        public void save(Intent intent, long expectedVersion, TicketWrite classification) {
            if (!raced) {
                raced = true;
                super.save(new Intent(intent.name(), winnersConfidence, intent.source(), intent.language(), intent.model(),
                        intent.suggestions(), null, intent.at()), expectedVersion, classification);
                throw new VersionConflictException("the intent of ticket " + classification.ticket().id() + " changed meanwhile",
                        expectedVersion + 1);
            }
            super.save(intent, expectedVersion, classification);
        }
    };

    private final OrderContexts noOrders = new OrderContexts() {
        @Override
        public Optional<Stored> find(String ticketId) {
            return Optional.empty();
        }

        @Override
        public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
            throw new UnsupportedOperationException("triage never writes order contexts");
        }
    };

    private Ticket opened() {
        Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);
        return desk.commands().create(new NewTicket("Order #1001", jane, Channel.EMAIL, null, List.of(), null, null, null,
                "where is my order #1001", null, null, null), Actor.customer(jane), null).thread().ticket();
    }

    private TicketTriage triage() {
        List<IntentScore> scores = new ArrayList<>();
        for (IntentName n : IntentName.values()) scores.add(new IntentScore(n, n == IntentName.WISMO ? 0.9 : 0.1 / 13));
        IntentRecords records = new IntentRecords(intents, ids, clock);
        IntentTriage intentTriage = new IntentTriage((subject, text) -> new IntentPrediction(scores, "en", "maxent-test"),
                new IntentPolicy(0.6), records);
        return new TicketTriage(intentTriage, desk.queries(), noOrders);
    }

    @Test
    void aClassificationThatLosesTheRaceToAnotherVerdictReadsAgainAndLands() {
        winnersConfidence = 0.7; // the winner read other words (a later message)
        Ticket t = opened();

        Optional<Intent> intent = triage().classify(t.id(), null);

        assertThat(intent).map(Intent::confidence).contains(0.9);
        assertThat(intents.find(t.id())).map(TicketIntents.Stored::version).contains(2L);
        assertThat(intents.events).hasSize(2);
        assertThat(desk.queries().get(t.id()).ticket().tags()).containsExactly("intent:wismo");
    }

    @Test
    void aClassificationThatLosesTheRaceToTheSameVerdictRecordsNothingAgain() {
        Ticket t = opened();

        Optional<Intent> intent = triage().classify(t.id(), null);

        assertThat(intent).as("unchanged").isEmpty();
        assertThat(intents.find(t.id())).map(TicketIntents.Stored::version).contains(1L);
        assertThat(intents.events).as("one IntentClassified").hasSize(1);
        assertThat(desk.queries().get(t.id()).ticket().tags()).containsExactly("intent:wismo");
    }

    @Test
    void anOrderContextThatChangesNothingStillRecordsTheVerdictItsConsumersWaitFor() {
        Ticket t = opened();
        TicketTriage triage = triage();
        triage.classify(t.id(), null); // lost the race to the same verdict: one IntentClassified
        assertThat(intents.events).hasSize(1);

        Optional<Intent> intent = triage.classifyOnOrderContext(t.id());

        assertThat(intent).map(Intent::name).contains(IntentName.WISMO);
        assertThat(intents.events).as("the auto-answer decides on this one").hasSize(2);
        assertThat(triage.classify(t.id(), null)).as("a message's restatement still writes nothing").isEmpty();
        assertThat(intents.events).hasSize(2);
    }
}
