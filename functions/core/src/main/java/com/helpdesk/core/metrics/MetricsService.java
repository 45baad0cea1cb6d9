package com.helpdesk.core.metrics;

import com.helpdesk.core.service.ConflictRetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Folds one event into its ticket's facts and the aggregates. Idempotent: an event already in the facts
 * changes nothing; otherwise the ticket's old contribution is taken back and its new one added, in one
 * atomic write guarded by every item's version (a concurrent write makes it start over).
 */
public final class MetricsService {
    private static final ConflictRetry RETRY = ConflictRetry.intake(false);

    private final MetricsStore store;
    private final MetricsDefinitions definitions;

    public MetricsService(MetricsStore store, MetricsDefinitions definitions) {
        this.store = Objects.requireNonNull(store, "store");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
    }

    /** Applies one observation of a ticket; false when it was already applied (a redelivery). */
    public boolean record(String ticketId, Observation observation) {
        return apply(ticketId, observation).isPresent();
    }

    /**
     * Applies one observation of a ticket and tells what it added to the headline numbers; empty when it
     * was already applied (a redelivery), so a redelivered event is never counted twice.
     */
    public Optional<HeadlineFigures> apply(String ticketId, Observation observation) {
        // a lost race on a day's aggregate is retried with the project's one conflict policy (jittered, within a budget)
        return RETRY.run(() -> tryRecord(ticketId, observation));
    }

    private Optional<HeadlineFigures> tryRecord(String ticketId, Observation observation) {
        MetricsStore.StoredFacts stored = store.facts(ticketId)
                .orElseGet(() -> new MetricsStore.StoredFacts(TicketFacts.empty(ticketId), 0));
        if (stored.facts().applied(observation.eventId())) return Optional.empty();
        TicketFacts next = stored.facts().with(observation);
        SortedMap<AggregateKey, Delta> old = definitions.contribution(stored.facts());
        SortedMap<AggregateKey, Delta> neu = definitions.contribution(next);
        List<AggregateKey> keys = MetricsDefinitions.changedKeys(old, neu);
        Map<AggregateKey, DailyAggregate> current = store.aggregates(keys);
        List<DailyAggregate> changed = new ArrayList<>();
        for (AggregateKey k : keys) changed.add(current.get(k).replace(old.get(k), neu.get(k)));
        store.commit(next, stored.version(), changed);
        return Optional.of(HeadlineFigures.between(old, neu));
    }
}
