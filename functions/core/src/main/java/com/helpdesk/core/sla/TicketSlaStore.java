package com.helpdesk.core.sla;

import com.helpdesk.core.event.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket's SLA state, kept in the ticket's item collection: the clocks ({@link TicketSlaWire} shape),
 * the ticket facts policy selection needs, the ids of the events already applied (idempotency), the
 * ledger, and the due-time index entry the timer sweeps. Writes are conditional on {@code version}.
 */
public interface TicketSlaStore {

    /** What is stored for one ticket. {@code version} starts at 1; {@code createdAt} is when its clocks were created. */
    record Stored(String ticketId, long ticketNumber, long version, Instant createdAt, TicketFacts facts,
                  Map<String, Object> state, List<String> appliedEvents) {
        public Stored {
            Objects.requireNonNull(ticketId, "ticketId");
            state = Map.copyOf(state);
            appliedEvents = List.copyOf(appliedEvents);
        }
    }

    /**
     * One atomic write: the new state (with {@code stored.version()} one more than {@code expectedVersion};
     * {@code expectedVersion} 0 creates), the due-time index key ({@code nextFireAt}, null: nothing to fire,
     * the ticket leaves the index), the earliest due time of a running clock ({@code nextDueAt}, null: none runs,
     * the ticket leaves the "breaching soon" view), the new ledger entries, and the events to publish through the outbox.
     */
    record Write(Stored stored, long expectedVersion, Instant nextFireAt, Instant nextDueAt, List<SlaLedgerEntry> ledger,
                 List<DomainEvent> events) {
        public Write {
            Objects.requireNonNull(stored, "stored");
            ledger = List.copyOf(ledger);
            events = List.copyOf(events);
        }

        /** A write that puts the ticket in no "breaching soon" view (no clock running). */
        public Write(Stored stored, long expectedVersion, Instant nextFireAt, List<SlaLedgerEntry> ledger, List<DomainEvent> events) {
            this(stored, expectedVersion, nextFireAt, null, ledger, events);
        }
    }

    /** A ticket whose next warning or breach is due. */
    record Due(String ticketId, Instant nextFireAt) {}

    Optional<Stored> find(String ticketId);

    /** Throws {@link com.helpdesk.core.VersionConflictException} when the stored version is not the expected one. */
    void save(Write write);

    /** How many partitions the due-time index is spread over (the sweep queries each). */
    int dueShards();

    /** Up to {@code limit} tickets of one shard due at or before {@code now}, earliest first. */
    List<Due> due(int shard, Instant now, int limit);

    /** The ticket's ledger, oldest first (empty when it has no clocks). */
    List<SlaLedgerEntry> ledger(String ticketId);
}
