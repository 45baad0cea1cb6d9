package com.helpdesk.core.metrics;

import com.helpdesk.core.VersionConflictException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of ticket facts and daily aggregates. Every read is by key or one partition per day, never a scan. */
public interface MetricsStore {

    /** A ticket's facts as stored, with the version the next write must find. */
    record StoredFacts(TicketFacts facts, long version) {
    }

    Optional<StoredFacts> facts(String ticketId);

    /** The aggregates of these keys; a key never written answers {@link DailyAggregate#empty}. */
    Map<AggregateKey, DailyAggregate> aggregates(Collection<AggregateKey> keys);

    /**
     * Writes the facts and the changed aggregates atomically, each only if its stored version is still the
     * one read (0: not stored yet), and bumps every version.
     *
     * @throws VersionConflictException when any of them changed meanwhile: nothing was written
     */
    void commit(TicketFacts facts, long expectedFactsVersion, Collection<DailyAggregate> aggregates);

    /**
     * The aggregates of each day of {@code days} under one dimension: every value of it ({@code value} null,
     * e.g. every channel) or one ({@code channel#email}). One partition read per day.
     */
    List<DailyAggregate> read(List<LocalDate> days, String dimension, String value);

    /** Which generation serves which days, and the rebuild in progress ({@link MetricsGenerations#initial} when never stored). */
    MetricsGenerations generations();

    /**
     * Stores the next generations state if the stored one still has {@code next.version()} (0: none stored).
     *
     * @throws VersionConflictException when another writer changed it meanwhile
     */
    void saveGenerations(MetricsGenerations next);

    /**
     * The facts and aggregates of one generation (0: this store's own). Backlog censuses are not events and have
     * no generations: every generation's view reads and writes the same ones.
     */
    MetricsStore generation(int generation);

    /** Stores a census, replacing an earlier census of the same day and dimension value. */
    void putBacklog(Collection<Backlog> census);

    /** The backlog of each day of {@code days} under one dimension: every value ({@code value} null) or one. One partition read per day. */
    List<Backlog> backlog(List<LocalDate> days, String dimension, String value);
}
