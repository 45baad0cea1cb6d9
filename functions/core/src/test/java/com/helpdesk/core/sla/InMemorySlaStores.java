package com.helpdesk.core.sla;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The storage ports in memory, with the same refusals the DynamoDB adapter gives (versions, calendars in use). */
final class InMemorySlaStores implements SlaSettingsStore, TicketSlaStore {
    final Map<String, BusinessCalendar> calendars = new TreeMap<>();
    final Map<String, SlaPolicy> policies = new TreeMap<>();
    final Map<String, Stored> tickets = new HashMap<>();
    final Map<String, Instant> due = new HashMap<>();
    /** The "breaching soon" key of each ticket with a running clock. */
    final Map<String, Instant> dueView = new HashMap<>();
    final Map<String, List<SlaLedgerEntry>> ledgers = new HashMap<>();
    final List<DomainEvent> outbox = new ArrayList<>();
    /** Runs before each save: lets a test slip in a concurrent write. */
    Runnable beforeSave = () -> {};

    @Override public Optional<BusinessCalendar> calendar(String id) { return Optional.ofNullable(calendars.get(id)); }
    @Override public List<BusinessCalendar> calendars() { return List.copyOf(calendars.values()); }
    @Override public void saveCalendar(BusinessCalendar c) { calendars.put(c.id(), c); }
    @Override public boolean saveCalendarIfAbsent(BusinessCalendar c) { return calendars.putIfAbsent(c.id(), c) == null; }

    @Override
    public boolean deleteCalendar(String id) {
        if (policies.values().stream().anyMatch(p -> id.equals(p.businessHours()))) {
            throw new StateConflictException("calendar-in-use", "a policy uses calendar " + id);
        }
        return calendars.remove(id) != null;
    }

    @Override public Optional<SlaPolicy> policy(String id) { return Optional.ofNullable(policies.get(id)); }
    @Override public List<SlaPolicy> policies() { return List.copyOf(policies.values()); }

    @Override
    public void savePolicy(SlaPolicy p) {
        if (p.businessHours() != null && !calendars.containsKey(p.businessHours())) {
            throw new ValidationException("businessHours", "no calendar " + p.businessHours());
        }
        policies.put(p.id(), p);
    }

    @Override public boolean deletePolicy(String id) { return policies.remove(id) != null; }

    @Override public Optional<Stored> find(String ticketId) { return Optional.ofNullable(tickets.get(ticketId)); }

    @Override
    public void save(Write w) {
        beforeSave.run();
        Stored current = tickets.get(w.stored().ticketId());
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != w.expectedVersion()) throw new VersionConflictException("stale", currentVersion);
        tickets.put(w.stored().ticketId(), w.stored());
        if (w.nextFireAt() == null) due.remove(w.stored().ticketId()); else due.put(w.stored().ticketId(), w.nextFireAt());
        if (w.nextDueAt() == null) dueView.remove(w.stored().ticketId()); else dueView.put(w.stored().ticketId(), w.nextDueAt());
        ledgers.computeIfAbsent(w.stored().ticketId(), k -> new ArrayList<>()).addAll(w.ledger());
        outbox.addAll(w.events());
    }

    @Override public int dueShards() { return 2; }

    @Override
    public List<Due> due(int shard, Instant now, int limit) {
        return due.entrySet().stream()
                .filter(e -> Math.floorMod(e.getKey().hashCode(), 2) == shard && !e.getValue().isAfter(now))
                .map(e -> new Due(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Due::nextFireAt)).limit(limit).toList();
    }

    @Override public List<SlaLedgerEntry> ledger(String ticketId) { return ledgers.getOrDefault(ticketId, List.of()); }
}
