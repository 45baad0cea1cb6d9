package com.helpdesk.core.triage;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
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
 * Tickets' intents as stored: each change is written with an IntentClassified event and puts the intent's
 * {@code intent:<name>} tag on the ticket, taking any other intent tag off (other tags are the agents' own and
 * stay). An agent's change is a correction that keeps what the model had said. Needs no model: the agents' API
 * corrects through this alone.
 */
public final class IntentRecords {
    private final TicketIntents intents;
    private final TicketCommands tickets;
    private final IdGenerator ids;
    private final Clock clock;

    public IntentRecords(TicketIntents intents, TicketCommands tickets, IdGenerator ids, Clock clock) {
        this.intents = intents;
        this.tickets = tickets;
        this.ids = ids;
        this.clock = clock;
    }

    public Optional<TicketIntents.Stored> find(String ticketId) {
        return intents.find(ticketId);
    }

    EventStamp stamp(Actor actor) {
        return new EventStamp(ids, actor, clock.instant());
    }

    /** An agent sets the ticket's intent: recorded as a correction of what the model said (or had suggested). */
    public Intent correct(Ticket ticket, IntentName name, Actor agent) {
        Optional<TicketIntents.Stored> stored = intents.find(ticket.id());
        EventStamp stamp = stamp(agent);
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

    void save(Ticket ticket, Intent intent, Optional<TicketIntents.Stored> stored, EventStamp stamp) {
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
