package com.helpdesk.core.metrics;

import com.helpdesk.core.VersionConflictException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The metrics store in memory, with the same version checks as the DynamoDB one. */
final class InMemoryMetricsStore implements MetricsStore {
    final Map<String, StoredFacts> facts = new HashMap<>();
    final TreeMap<AggregateKey, DailyAggregate> aggregates = new TreeMap<>();
    final TreeMap<AggregateKey, Backlog> backlogs = new TreeMap<>();
    /** The rebuilt generations' stores (this one is generation 0) and the generations state. */
    final Map<Integer, InMemoryMetricsStore> generations = new HashMap<>();
    MetricsGenerations state = MetricsGenerations.initial();
    /** How many times the state was read (reads cost: one per event and one per report). */
    int stateReads;
    /** Runs once, just before the next read of aggregates: a concurrent fold committing between a fold's two reads. */
    Runnable beforeNextAggregatesRead;

    @Override
    public MetricsGenerations generations() {
        stateReads++;
        return state;
    }

    @Override
    public void saveGenerations(MetricsGenerations next) {
        if (next.version() != state.version()) throw new VersionConflictException("generations changed", state.version());
        state = new MetricsGenerations(next.spans(), next.building(), next.latest(), next.version() + 1);
    }

    @Override
    public MetricsStore generation(int generation) {
        return generation == 0 ? this : generations.computeIfAbsent(generation, g -> new InMemoryMetricsStore());
    }

    @Override
    public Optional<StoredFacts> facts(String ticketId) {
        return Optional.ofNullable(facts.get(ticketId));
    }

    @Override
    public Map<AggregateKey, DailyAggregate> aggregates(Collection<AggregateKey> keys) {
        Runnable concurrent = beforeNextAggregatesRead;
        beforeNextAggregatesRead = null;
        if (concurrent != null) concurrent.run();
        Map<AggregateKey, DailyAggregate> out = new HashMap<>();
        for (AggregateKey k : keys) out.put(k, aggregates.getOrDefault(k, DailyAggregate.empty(k)));
        return out;
    }

    @Override
    public void commit(TicketFacts next, long expectedFactsVersion, Collection<DailyAggregate> changed) {
        long stored = facts.containsKey(next.ticketId()) ? facts.get(next.ticketId()).version() : 0;
        if (stored != expectedFactsVersion) throw new VersionConflictException("facts changed", stored);
        for (DailyAggregate a : changed) {
            long v = aggregates.containsKey(a.key()) ? aggregates.get(a.key()).version() : 0;
            if (v != a.version()) throw new VersionConflictException("aggregate changed", v);
        }
        facts.put(next.ticketId(), new StoredFacts(next, expectedFactsVersion + 1));
        for (DailyAggregate a : changed) aggregates.put(a.key(), a.withVersion(a.version() + 1));
    }

    @Override
    public List<DailyAggregate> read(List<LocalDate> days, String dimension, String value) {
        List<DailyAggregate> out = new ArrayList<>();
        for (DailyAggregate a : aggregates.values()) {
            if (!days.contains(a.key().day()) || !a.key().dimensionName().equals(dimension)) continue;
            if (value == null || a.key().dimensionValue().equals(value)) out.add(a);
        }
        return out;
    }

    @Override
    public void putBacklog(Collection<Backlog> census) {
        for (Backlog b : census) backlogs.put(new AggregateKey(b.day(), b.dimension()), b);
    }

    @Override
    public List<Backlog> backlog(List<LocalDate> days, String dimension, String value) {
        List<Backlog> out = new ArrayList<>();
        backlogs.forEach((k, b) -> {
            if (days.contains(k.day()) && k.dimensionName().equals(dimension) && (value == null || k.dimensionValue().equals(value))) out.add(b);
        });
        return out;
    }
}
