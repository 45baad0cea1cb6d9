package com.helpdesk.core.metrics;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.service.ConflictRetry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Folds one event into its ticket's facts and the aggregates of every serving generation (and of a rebuild in
 * progress: {@link MetricsGenerations}). Idempotent: an event already in the facts
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
     * Applies one observation of a ticket to every generation that serves days (each keeping only its days) and
     * to the rebuild in progress, and tells what it added to the headline numbers; empty when it was already
     * applied (a redelivery), so a redelivered event is never counted twice.
     */
    public Optional<HeadlineFigures> apply(String ticketId, Observation observation) {
        MetricsGenerations generations = store.generations();
        HeadlineFigures added = null;
        for (MetricsGenerations.Target t : generations.serving()) {
            Optional<HeadlineFigures> figures = fold(t, ticketId, observation);
            if (figures.isPresent()) added = added == null ? figures.get() : added.plus(figures.get());
        }
        MetricsGenerations.Target building = generations.buildingTarget();
        if (building != null) fold(building, ticketId, observation);
        return Optional.ofNullable(added);
    }

    /**
     * Applies one replayed observation to the rebuild in progress only (the serving generations had it when it
     * happened); false when no rebuild is in progress or it was already applied.
     */
    public boolean rebuild(String ticketId, Observation observation) {
        MetricsGenerations.Target building = store.generations().buildingTarget();
        return building != null && fold(building, ticketId, observation).isPresent();
    }

    private Optional<HeadlineFigures> fold(MetricsGenerations.Target target, String ticketId, Observation observation) {
        MetricsStore generation = store.generation(target.generation());
        // a lost race on a day's aggregate is retried with the project's one conflict policy (jittered, within a budget)
        return RETRY.run(() -> tryRecord(generation, target.days(), ticketId, observation));
    }

    private Optional<HeadlineFigures> tryRecord(MetricsStore generation, Predicate<LocalDate> days, String ticketId, Observation observation) {
        MetricsStore.StoredFacts stored = generation.facts(ticketId)
                .orElseGet(() -> new MetricsStore.StoredFacts(TicketFacts.empty(ticketId), 0));
        if (stored.facts().applied(observation.eventId())) return Optional.empty();
        TicketFacts next = stored.facts().with(observation);
        SortedMap<AggregateKey, Delta> old = only(days, definitions.contribution(stored.facts()));
        SortedMap<AggregateKey, Delta> neu = only(days, definitions.contribution(next));
        List<AggregateKey> keys = MetricsDefinitions.changedKeys(old, neu);
        Map<AggregateKey, DailyAggregate> current = generation.aggregates(keys);
        List<DailyAggregate> changed = new ArrayList<>();
        for (AggregateKey k : keys) changed.add(takeBackAndAdd(current.get(k), old.get(k), neu.get(k), stored.version()));
        generation.commit(next, stored.version(), changed);
        return Optional.of(HeadlineFigures.between(old, neu));
    }

    /**
     * The aggregate with the ticket's old share taken back and its new one added. The facts and the aggregates are
     * two reads: a fold of another event of the same ticket (an escalation writes five at once, and two consumers
     * fold in parallel) may commit between them, and then the old share (of the stale facts) is not the one in
     * the aggregates. That is a lost race like a refused commit: read both again (the commit would have been
     * refused anyway, its facts version being stale), rather than fail the event back to the queue, where it
     * waits out the visibility timeout (6 minutes) before it counts.
     */
    private static DailyAggregate takeBackAndAdd(DailyAggregate current, Delta old, Delta neu, long factsVersion) {
        try {
            return current.replace(old, neu);
        } catch (IllegalArgumentException | IllegalStateException notThere) {
            throw new VersionConflictException(current.key() + " does not hold the share of the facts read (version " + factsVersion
                    + "): a concurrent fold of the ticket committed in between (" + notThere.getMessage() + ")", factsVersion);
        }
    }

    /** The part of a contribution on the days a generation keeps: the same filter on the old and the new share, so they still cancel. */
    private static SortedMap<AggregateKey, Delta> only(Predicate<LocalDate> days, SortedMap<AggregateKey, Delta> contribution) {
        SortedMap<AggregateKey, Delta> kept = new TreeMap<>();
        contribution.forEach((k, d) -> {
            if (days.test(k.day())) kept.put(k, d);
        });
        return kept;
    }
}
