package com.helpdesk.core.triage;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Classification of tickets: what the classifier says about a customer's words (weighed with the order
 * context) becomes the ticket's intent and its {@code intent:<name>} tag, replacing the previous intent tag;
 * an agent's correction replaces both and keeps what the model had said. An agent's intent stands: later
 * customer messages no longer reclassify the ticket. Each change is stored with an IntentClassified event.
 */
public final class IntentTriage {
    public static final String COMPONENT = "triage";
    private final IntentClassifier classifier;
    private final IntentPolicy policy;
    private final TicketIntents intents;
    private final TicketCommands tickets;
    private final IdGenerator ids;
    private final Clock clock;

    public IntentTriage(IntentClassifier classifier, IntentPolicy policy, TicketIntents intents, TicketCommands tickets,
                        IdGenerator ids, Clock clock) {
        this.classifier = classifier;
        this.policy = policy;
        this.intents = intents;
        this.tickets = tickets;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the classifier says about a text, weighed with an order context when there is one; nothing is stored. */
    public IntentPrediction predict(String subject, String text, OrderContext orders) {
        return OrderEvidence.weigh(classifier.classify(subject, text), text, orders);
    }

    public IntentPolicy policy() {
        return policy;
    }

    /** Classifies a customer's words on {@code ticket}; empty when the ticket's intent is an agent's, which stands. */
    public Optional<Intent> classify(Ticket ticket, String subject, String text, OrderContext orders) {
        Optional<TicketIntents.Stored> stored = intents.find(ticket.id());
        if (stored.isPresent() && stored.get().intent().source() == IntentSource.AGENT) return Optional.empty();
        EventStamp stamp = new EventStamp(ids, Actor.system(COMPONENT), clock.instant());
        Intent intent = policy.decide(predict(subject, text, orders), stamp.at());
        save(ticket, intent, stored, stamp);
        return Optional.of(intent);
    }

    /** An agent sets the ticket's intent: recorded as a correction of what the model said (or had suggested). */
    public Intent correct(Ticket ticket, IntentName name, Actor agent) {
        Optional<TicketIntents.Stored> stored = intents.find(ticket.id());
        EventStamp stamp = new EventStamp(ids, agent, clock.instant());
        Intent.Correction correction = stored.map(s -> correctionOf(s.intent(), agent)).orElse(null);
        Intent previous = stored.map(TicketIntents.Stored::intent).orElse(null);
        Intent intent = new Intent(name, 1.0, IntentSource.AGENT, previous == null ? null : previous.language(),
                previous == null ? null : previous.model(), List.of(), correction, stamp.at());
        save(ticket, intent, stored, stamp);
        return intent;
    }

    /** What the model said: kept from the first correction when an agent corrects a correction. */
    private static Intent.Correction correctionOf(Intent previous, Actor agent) {
        if (previous.source() == IntentSource.AGENT && previous.correction() != null) {
            Intent.Correction first = previous.correction();
            return new Intent.Correction(first.modelSaid(), first.modelConfidence(), first.modelSuggestions(), agent.id());
        }
        if (previous.source() == IntentSource.AGENT) return null;
        return new Intent.Correction(previous.name(), previous.confidence(), previous.suggestions(), agent.id());
    }

    private void save(Ticket ticket, Intent intent, Optional<TicketIntents.Stored> stored, EventStamp stamp) {
        DomainEvent event = stamp.event(EventTypes.INTENT_CLASSIFIED, ticket, IntentWire.of(intent));
        intents.save(ticket.id(), intent, stored.map(TicketIntents.Stored::version).orElse(0L), event);
        retag(ticket, intent.tag(), stamp.actor());
    }

    /** Puts the intent's tag on the ticket and takes other intent tags off; nothing when the tags already say so. */
    private void retag(Ticket ticket, String tag, Actor actor) {
        List<String> stale = ticket.tags().stream().filter(Intent::isIntentTag).filter(t -> !t.equals(tag)).toList();
        List<String> add = tag == null || ticket.tags().contains(tag) ? List.of() : List.of(tag);
        if (stale.isEmpty() && add.isEmpty()) return;
        tickets.update(ticket.id(), new TicketChange(null, null, null, null, null, add, stale), OptionalLong.empty(), actor);
    }
}
