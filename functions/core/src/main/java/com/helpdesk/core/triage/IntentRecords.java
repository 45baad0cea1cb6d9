package com.helpdesk.core.triage;

import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Tickets' intents as stored: each change is one new version of the ticket ({@code Ticket#classify}) that puts the
 * intent's {@code intent:<name>} tag on it, takes any other intent tag off (other tags are the agents' own and stay)
 * and carries the IntentClassified event, written with the intent in one write. An agent's change is a correction
 * that keeps what the model had said. Needs no model: the agents' API corrects through this alone.
 */
public final class IntentRecords {
    private final TicketIntents intents;
    private final IdGenerator ids;
    private final Clock clock;

    public IntentRecords(TicketIntents intents, IdGenerator ids, Clock clock) {
        this.intents = intents;
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

    /** The ticket as read guards the write: a ticket changed meanwhile is a VersionConflictException. */
    void save(Ticket ticket, Intent intent, Optional<TicketIntents.Stored> stored, EventStamp stamp) {
        Transition classified = ticket.classify(intent.tag(), IntentWire.of(intent), stamp);
        intents.save(intent, stored.map(TicketIntents.Stored::version).orElse(0L),
                new TicketWrite(ticket, classified.ticket(), List.of(), classified.events()));
    }
}
