package com.helpdesk.core.sla;

import com.helpdesk.core.DomainException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the SLA clocks of every ticket: applies ticket events to them (from the bus), fires warnings and
 * breaches when due (from the minute sweep of the due-time index), and applies a breach's {@code onBreach}
 * (from the {@code SlaBreached} event it published). Each run is one conditional write of the ticket's SLA
 * item with its ledger entries and outbox events, so a duplicate, a concurrent run or a crash never emits a
 * signal twice nor loses one. The mapping of events to facts is in docs/sla.md ("Mapping events to facts").
 */
public final class SlaTimer {
    /** How many applied event ids a ticket remembers: far more than the events that can be in flight for it. */
    static final int REMEMBERED_EVENTS = 200;
    private static final int ATTEMPTS = 5;
    static final Actor TIMER = Actor.system("sla-timer");

    /** What an event did. WAITING: the ticket's TicketCreated has not been applied yet (retry later). */
    public enum Result { APPLIED, DUPLICATE, IGNORED, WAITING }

    private final SlaSettings settings;
    private final TicketSlaStore store;
    private final SlaActions actions;
    private final IdGenerator ids;

    public SlaTimer(SlaSettings settings, TicketSlaStore store, SlaActions actions, IdGenerator ids) {
        this.settings = settings;
        this.store = store;
        this.actions = actions;
        this.ids = ids;
    }

    /** Applies one ticket event (or an {@code SlaBreached} to act on) exactly once. */
    public Result apply(DomainEvent event) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketSlaStore.Stored> found = store.find(event.ticketId());
            if (found.isPresent() && found.get().appliedEvents().contains(event.id())) return Result.DUPLICATE;
            try {
                if (event.type().equals(EventTypes.TICKET_CREATED)) return found.isPresent() ? Result.DUPLICATE : create(event);
                if (found.isEmpty()) return relevant(event) ? Result.WAITING : Result.IGNORED;
                if (event.type().equals(SlaSignal.BREACHED)) return actOnBreach(found.get(), event);
                return applyFact(found.get(), event);
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    /** Fires what is due by {@code now} on every ticket in the due-time index; returns how many tickets it fired on. */
    public int sweep(Instant now, int limitPerShard) {
        int fired = 0;
        for (int shard = 0; shard < store.dueShards(); shard++) {
            for (TicketSlaStore.Due due : store.due(shard, now, limitPerShard)) {
                if (fire(due.ticketId(), due.nextFireAt(), now)) fired++;
            }
        }
        return fired;
    }

    /** Fires what is due by {@code now} on one ticket; false when nothing was (a stale index entry, another run got there first). */
    public boolean fire(String ticketId, Instant now) {
        return fire(ticketId, null, now);
    }

    /**
     * {@code indexedAt}: when the due-time index said the ticket was due (null: not known). With nothing to
     * fire, an index entry the clocks no longer agree with (their calendar was edited since, so they fire
     * later) is re-keyed; left alone it would be swept again every minute until the ticket next changed.
     */
    private boolean fire(String ticketId, Instant indexedAt, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<TicketSlaStore.Stored> found = store.find(ticketId);
            if (found.isEmpty()) return false;
            TicketSlaStore.Stored stored = found.get();
            SlaOutcome outcome = load(stored).fire(now);
            boolean staleIndex = indexedAt != null && !indexedAt.equals(outcome.nextFireAt());
            if (!outcome.changed() && !staleIndex) return false;
            try {
                save(stored, stored.facts(), outcome, null, stored.createdAt());
                return outcome.changed();
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    private Result create(DomainEvent event) {
        Map<String, Object> d = event.detail();
        TicketFacts facts = new TicketFacts(Priority.parse("priority", text(d, "priority")),
                Channel.parse("channel", text(d, "channel")), tags(d.get("tags")));
        SlaPolicy policy = settings.select(facts);
        Status status = Status.parse("status", text(d, "status"));
        SlaOutcome outcome = TicketSla.create(policy, settings.businessTime(policy.businessHours()), status,
                event.occurredAt(), SlaCause.of(event));
        TicketSlaStore.Stored empty = new TicketSlaStore.Stored(event.ticketId(), event.ticketNumber(), 0,
                event.occurredAt(), facts, Map.of(), List.of());
        save(empty, facts, outcome, event.id(), event.occurredAt());
        return Result.APPLIED;
    }

    private Result applyFact(TicketSlaStore.Stored stored, DomainEvent event) {
        Map<String, Object> d = event.detail();
        TicketSla sla = load(stored);
        TicketFacts facts = stored.facts();
        Instant at = event.occurredAt();
        String cause = SlaCause.of(event);
        SlaOutcome outcome;
        switch (event.type()) {
            case EventTypes.MESSAGE_ADDED -> {
                // the ticket's first message is written with its creation: it is part of it, never a reply
                if (!at.isAfter(stored.createdAt())) return remember(stored, event);
                outcome = sla.onMessage(ActorType.parse("authorType", text(d, "authorType")),
                        Visibility.parse("visibility", text(d, "visibility")), at, cause);
            }
            case EventTypes.STATUS_CHANGED -> {
                Status to = Status.parse("to", text(d, "to"));
                boolean merged = to == Status.CLOSED && d.get("reason") instanceof String r && r.startsWith("merged into");
                outcome = merged ? sla.onMerged(at, cause) : sla.onStatusChanged(to, at, cause);
            }
            case EventTypes.MERGED -> {
                if (!"source".equals(d.get("role"))) return remember(stored, event);
                outcome = sla.onMerged(at, cause);
            }
            case EventTypes.PRIORITY_CHANGED, EventTypes.TAGGED -> {
                facts = event.type().equals(EventTypes.TAGGED)
                        ? new TicketFacts(facts.priority(), facts.channel(), tags(d.get("tags")))
                        : new TicketFacts(Priority.parse("to", text(d, "to")), facts.channel(), facts.tags());
                SlaPolicy next = settings.select(facts);
                outcome = sla.onPolicyChanged(next, settings.businessTime(next.businessHours()), at, cause);
            }
            default -> {
                return Result.IGNORED;
            }
        }
        save(stored, facts, outcome, event.id(), stored.createdAt());
        return Result.APPLIED;
    }

    /**
     * A breach this timer published: applies the policy's {@code onBreach} through the ticket service, then
     * remembers the event. Only while the ticket still needs work, judged on its status as the ticket service
     * has it now (the clocks may not have heard of a resolve yet): a breach on a ticket that is resolved,
     * closed or merged away by the time it is acted on (a firstResponse that kept counting after a silent
     * resolve) is in the ledger and on the bus, but does not reopen the ticket by escalating it nor touch it
     * (a change would also restart its auto-close window). A ticket that refuses the command is left alone too.
     */
    private Result actOnBreach(TicketSlaStore.Stored stored, DomainEvent event) {
        Map<String, Object> d = event.detail();
        Optional<Status> status = actions.statusNow(event.ticketId());
        boolean needsWork = status.isPresent() && status.get() != Status.RESOLVED && status.get() != Status.CLOSED;
        if (!needsWork) {
            actions.notApplied(event.ticketId(), "the ticket is " + status.map(Status::wire).orElse("missing"));
        }
        if (needsWork && d.get("onBreach") instanceof Map<?, ?> then) {
            String reason = "SLA breached: " + d.get("target") + " " + d.get("targetDuration") + " (policy " + d.get("policy") + ")";
            try {
                if (Boolean.TRUE.equals(then.get("escalate"))) {
                    actions.escalate(event.ticketId(), then.get("group") instanceof String g ? g : null, reason);
                }
                if (then.get("tag") instanceof String tag && !tag.isBlank()) actions.tag(event.ticketId(), tag);
            } catch (DomainException refused) {
                actions.notApplied(event.ticketId(), "the ticket refused it: " + refused.getMessage());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return remember(store.find(event.ticketId()).orElse(stored), event);
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    private Result remember(TicketSlaStore.Stored stored, DomainEvent event) {
        TicketSla sla = load(stored);
        save(stored, stored.facts(), new SlaOutcome(sla, List.of(), List.of()), event.id(), stored.createdAt());
        return Result.IGNORED;
    }

    private TicketSla load(TicketSlaStore.Stored stored) {
        return TicketSlaWire.fromWire(stored.state(), settings::businessTime);
    }

    private void save(TicketSlaStore.Stored before, TicketFacts facts, SlaOutcome outcome, String eventId, Instant createdAt) {
        List<String> applied = new ArrayList<>(before.appliedEvents());
        if (eventId != null) applied.add(eventId);
        if (applied.size() > REMEMBERED_EVENTS) applied = applied.subList(applied.size() - REMEMBERED_EVENTS, applied.size());
        TicketSlaStore.Stored next = new TicketSlaStore.Stored(before.ticketId(), before.ticketNumber(), before.version() + 1,
                createdAt, facts, TicketSlaWire.toWire(outcome.sla()), applied);
        List<DomainEvent> events = new ArrayList<>();
        for (SlaSignal s : outcome.signals()) {
            events.add(new DomainEvent(ids.newId("evt"), s.type(), before.ticketId(), before.ticketNumber(), s.at(), TIMER, s.detail()));
        }
        store.save(new TicketSlaStore.Write(next, before.version(), outcome.nextFireAt(), outcome.sla().nextDueAt(),
                outcome.ledger(), events));
    }

    private static boolean relevant(DomainEvent event) {
        return Set.of(EventTypes.MESSAGE_ADDED, EventTypes.STATUS_CHANGED, EventTypes.MERGED, EventTypes.PRIORITY_CHANGED,
                EventTypes.TAGGED).contains(event.type());
    }

    private static String text(Map<String, Object> d, String key) {
        return d.get(key) instanceof String s ? s : null;
    }

    private static Set<String> tags(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) list.forEach(t -> out.add(String.valueOf(t)));
        return out;
    }
}
