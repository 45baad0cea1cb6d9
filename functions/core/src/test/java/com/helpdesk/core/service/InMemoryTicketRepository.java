package com.helpdesk.core.service;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test double with the port's semantics (atomic commit, version checks, idempotency); no paging. */
public final class InMemoryTicketRepository implements TicketRepository {
    final Map<String, Ticket> tickets = new HashMap<>();
    final Map<String, List<Message>> messages = new HashMap<>();
    final List<DomainEvent> events = new ArrayList<>();
    final Map<String, String[]> idempotency = new HashMap<>();
    private long counter = 1000;
    /** When set, the next commit fails as if another writer had won the race. */
    int conflictsToInject;

    @Override
    public synchronized long allocateNumber() {
        return ++counter;
    }

    @Override
    public synchronized void commit(TicketWrite write, IdempotencyKey key) {
        Ticket current = tickets.get(write.ticket().id());
        if (key != null) {
            String[] seen = idempotency.get(key.scope() + "#" + key.key());
            if (seen != null) throw new DuplicateRequestException(seen[0], seen[1]);
        }
        if (conflictsToInject > 0) {
            conflictsToInject--;
            throw new VersionConflictException("injected", current == null ? 0 : current.version());
        }
        long stored = current == null ? 0 : current.version();
        if (stored != write.expectedVersion()) {
            throw new VersionConflictException("stale", stored);
        }
        tickets.put(write.ticket().id(), write.ticket());
        messages.computeIfAbsent(write.ticket().id(), k -> new ArrayList<>()).addAll(write.newMessages());
        messages.get(write.ticket().id()).removeIf(m -> write.removedMessages().stream().anyMatch(r -> r.id().equals(m.id())));
        for (Message changed : write.changedMessages()) {
            List<Message> list = messages.get(changed.ticketId());
            list.replaceAll(m -> m.id().equals(changed.id()) ? changed : m);
        }
        write.threadKeys().forEach(k -> threadKeys.put(k, write.ticket().id()));
        events.addAll(write.events());
        if (key != null) idempotency.put(key.scope() + "#" + key.key(), new String[]{write.ticket().id(), key.fingerprint()});
    }

    @Override
    public synchronized void commitAll(List<TicketWrite> writes) {
        for (TicketWrite w : writes) {
            Ticket current = tickets.get(w.ticket().id());
            long stored = current == null ? 0 : current.version();
            if (stored != w.expectedVersion()) throw new VersionConflictException("stale", stored);
        }
        if (conflictsToInject > 0) {
            conflictsToInject--;
            throw new VersionConflictException("injected", 0);
        }
        for (TicketWrite w : writes) commit(w, null);
    }

    @Override
    public synchronized Optional<TicketThread> find(String ticketId) {
        Ticket t = tickets.get(ticketId);
        if (t == null) return Optional.empty();
        List<Message> thread = new ArrayList<>(messages.getOrDefault(ticketId, List.of()));
        for (String source : t.mergedFrom()) thread.addAll(find(source).orElseThrow().messages());
        thread.sort(Comparator.comparing(Message::createdAt));
        return Optional.of(new TicketThread(t, thread));
    }

    @Override
    public synchronized Optional<String> findIdByNumber(long number) {
        return tickets.values().stream().filter(t -> t.number() == number).map(Ticket::id).findFirst();
    }

    @Override
    public synchronized com.helpdesk.core.port.HistoryPage history(String ticketId, int limit, String cursor) {
        return new com.helpdesk.core.port.HistoryPage(events.stream().filter(e -> e.ticketId().equals(ticketId)).limit(limit).toList(), null);
    }

    final Map<String, String> threadKeys = new HashMap<>();
    final Map<String, String> inbound = new HashMap<>();

    @Override
    public synchronized Optional<String> ticketForThreadKey(String key) {
        return Optional.ofNullable(threadKeys.get(key));
    }

    @Override
    public synchronized Optional<String> ticketForInbound(String dedupeKey) {
        return Optional.ofNullable(inbound.get(dedupeKey));
    }

    @Override
    public synchronized void commitInbound(List<TicketWrite> writes, String dedupeKey, Map<String, String> claims, String ticketId,
                                           java.time.Instant receivedAt) {
        if (inbound.containsKey(dedupeKey)) throw new DuplicateRequestException(inbound.get(dedupeKey), null);
        claims.forEach((k, expected) -> {
            if (!java.util.Objects.equals(threadKeys.get(k), expected)) throw new com.helpdesk.core.inbound.ThreadKeyTakenException(k);
        });
        commitAll(writes);
        inbound.put(dedupeKey, ticketId);
        claims.keySet().forEach(k -> threadKeys.put(k, ticketId));
    }

    final Map<String, String> unthreaded = new HashMap<>();

    @Override
    public synchronized void recordUnthreaded(com.helpdesk.core.inbound.InboundMessage message, String reason, java.time.Instant at) {
        if (inbound.containsKey(message.dedupeKey())) throw new DuplicateRequestException(inbound.get(message.dedupeKey()), null);
        inbound.put(message.dedupeKey(), null);
        unthreaded.put(message.dedupeKey(), reason);
    }

    @Override
    public synchronized com.helpdesk.core.inbound.UnthreadedInbound.Page unthreaded(java.time.LocalDate day, int limit, String cursor) {
        return new com.helpdesk.core.inbound.UnthreadedInbound.Page(unthreaded.values().stream()
                .map(reason -> new com.helpdesk.core.inbound.UnthreadedInbound(null, null, null, null, null, reason, null)).toList(), null);
    }

    @Override
    public synchronized TicketPage resolvedBefore(java.time.Instant cutoff, int limit, String cursor) {
        return new TicketPage(tickets.values().stream().filter(t -> t.status() == com.helpdesk.core.ticket.Status.RESOLVED
                && t.resolvedAt() != null && t.resolvedAt().isBefore(cutoff)).toList(), null);
    }

    @Override
    public synchronized TicketPage list(TicketQuery q, int limit, String cursor) {
        List<Ticket> items = tickets.values().stream()
                .filter(t -> q.status() == null || t.status() == q.status())
                .filter(t -> q.tag() == null || t.tags().contains(q.tag()))
                .filter(t -> q.group() == null || q.group().equals(t.group()))
                .sorted(Comparator.comparing(Ticket::updatedAt).reversed().thenComparing(Ticket::id))
                .toList();
        // the cursor is the offset of the next page (the DynamoDB store's is a signed key)
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(items.size(), from + limit);
        return new TicketPage(items.subList(from, to), to < items.size() ? String.valueOf(to) : null);
    }
}
