package com.helpdesk.core.service;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.inbound.ThreadKeyTakenException;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.StatusTransitions;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The ticket use cases: open, read, list, change and reply. Every change is one atomic write with its events. */
public final class TicketService {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_HISTORY_PAGE_SIZE = 500;
    /** Where escalated tickets go when the request names no group. */
    public static final String DEFAULT_ESCALATION_GROUP = "escalations";
    /** Writes without If-Match are retried this often when a concurrent write wins the race. */
    private static final int UNCONDITIONAL_ATTEMPTS = 5;
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{1,15}$");
    private static final Pattern TICKET_ID = Pattern.compile("^tkt_[0-9a-z]{26}$");
    private static final Pattern AGENT_ID = Pattern.compile("^[^\\s\\p{Cntrl}]{1,128}$");

    private final TicketRepository repository;
    private final IdGenerator ids;
    private final Clock clock;

    public TicketService(TicketRepository repository, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    public CreateResult create(NewTicket cmd, Actor actor, IdempotencyKey idempotency) {
        List<FieldError> errors = new ArrayList<>();
        String subject = checkSubject(cmd.subject(), errors);
        if (cmd.requester() == null) errors.add(new FieldError("requester", "is required"));
        if (cmd.channel() == null) errors.add(new FieldError("channel", "is required"));
        String body = checkBody("message.body", cmd.body(), errors);
        String assignee = checkAgentId("assignee", cmd.assignee(), errors);
        String group = checkGroup(cmd.group(), errors);
        SortedSet<String> tags = collect(errors, () -> Tags.normaliseAll("tags", cmd.tags()));
        if (tags != null && tags.size() > Tags.MAX_PER_TICKET) {
            errors.add(new FieldError("tags", "a ticket has at most " + Tags.MAX_PER_TICKET + " tags"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);

        Status status = cmd.status() != null ? cmd.status() : (assignee != null ? Status.OPEN : Status.NEW);
        if (status == Status.CLOSED) {
            throw new ValidationException("status", "a ticket cannot be created closed");
        }
        Instant now = now();
        String ticketId = ids.newId("tkt");
        long number = repository.allocateNumber();
        Message first = new Message(ids.newId("msg"), ticketId, actor,
                cmd.visibility() == null ? Visibility.PUBLIC : cmd.visibility(), body, blankToNull(cmd.html()),
                cmd.channel(), now, cmd.attachments());
        Ticket ticket = Ticket.builder()
                .id(ticketId).number(number).subject(subject).status(status)
                .priority(cmd.priority() == null ? Priority.NORMAL : cmd.priority())
                .channel(cmd.channel()).requester(cmd.requester()).assignee(assignee).group(group).tags(tags)
                .createdAt(now).updatedAt(now).version(1)
                .resolvedAt(status == Status.RESOLVED ? now : null).resolvedBy(status == Status.RESOLVED ? actor : null)
                .lastMessageAt(now).messageCount(1)
                .build();

        List<DomainEvent> events = new ArrayList<>();
        events.add(event(EventTypes.TICKET_CREATED, ticket, actor, now, createdDetail(ticket, null)));
        events.add(messageAdded(ticket, first, actor, now));

        try {
            repository.commit(TicketWrite.create(ticket, List.of(first), events), idempotency);
            return new CreateResult(new TicketThread(ticket, List.of(first)), false);
        } catch (DuplicateRequestException dup) {
            if (idempotency != null && !Objects.equals(dup.fingerprint(), idempotency.fingerprint())) {
                throw new StateConflictException("idempotency-key-reused",
                        "this Idempotency-Key was already used for a different request");
            }
            return new CreateResult(get(dup.ticketId()), true);
        }
    }

    public TicketThread get(String ticketId) {
        return repository.find(ticketId).orElseThrow(() -> new NotFoundException("no ticket with id " + ticketId));
    }

    /**
     * Resolves what a client calls a ticket: its opaque id, or its number (all digits, "1042" or "#1042").
     * Anything else cannot name a ticket and is not found, without touching storage.
     */
    public String resolveId(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.startsWith("#")) ref = ref.substring(1);
        if (NUMBER.matcher(ref).matches()) {
            long number = Long.parseLong(ref);
            return repository.findIdByNumber(number)
                    .orElseThrow(() -> new NotFoundException("no ticket with number " + number));
        }
        if (!TICKET_ID.matcher(ref).matches()) {
            throw new NotFoundException("no ticket with id " + truncate(ref));
        }
        return ref;
    }

    public TicketThread getByNumber(long number) {
        String id = repository.findIdByNumber(number)
                .orElseThrow(() -> new NotFoundException("no ticket with number " + number));
        return get(id);
    }

    public TicketPage list(TicketQuery query, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (query.assignee() != null && !TicketQuery.UNASSIGNED.equals(query.assignee())) {
            checkAgentIdOrThrow("assignee", query.assignee());
        }
        String tag = query.tag() == null ? null : Tags.normalise("tag", query.tag());
        String requester = query.requester() == null ? null : Requester.normaliseIdentity(query.requester());
        return repository.list(new TicketQuery(query.status(), query.assignee(), requester, tag), size,
                blankToNull(cursor));
    }

    /** How many tickets one bulk update may name. */
    public static final int MAX_BULK = 200;

    /** The outcome of a bulk update for one ticket: its new state, or the refusal. */
    public record BulkOutcome(String reference, Ticket ticket, com.helpdesk.core.DomainException refusal) {}

    /**
     * Applies the same change to many tickets, each on its own (one ticket's refusal does not stop the
     * others) and reports every ticket's outcome in the order given. The change itself is validated
     * once, up front: an invalid change is refused for all.
     */
    public List<BulkOutcome> bulkUpdate(List<String> references, TicketChange change, Actor actor) {
        if (references == null || references.isEmpty()) throw new ValidationException("ticketIds", "name at least one ticket");
        if (references.size() > MAX_BULK) throw new ValidationException("ticketIds", "at most " + MAX_BULK + " tickets per request");
        validate(change);
        List<BulkOutcome> outcomes = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String ref : references) {
            try {
                String id = resolveId(ref);
                if (!done.add(id)) {
                    throw new ValidationException("ticketIds", "names this ticket more than once");
                }
                outcomes.add(new BulkOutcome(ref, update(id, change, OptionalLong.empty(), actor).ticket(), null));
            } catch (com.helpdesk.core.DomainException refused) {
                outcomes.add(new BulkOutcome(ref, null, refused));
            }
        }
        return outcomes;
    }

    /**
     * Closes a ticket that is still resolved and was resolved before {@code cutoff}. Anything else (a
     * customer wrote and it reopened, someone changed it meanwhile) leaves it alone: returns false.
     */
    public boolean closeIfResolvedBefore(String ticketId, Instant cutoff, Actor actor, String reason) {
        Ticket t = get(ticketId).ticket();
        if (t.status() != Status.RESOLVED || t.resolvedAt() == null || !t.resolvedAt().isBefore(cutoff)) return false;
        Instant now = now();
        Ticket closed = t.toBuilder().status(Status.CLOSED).updatedAt(now).version(t.version() + 1).build();
        try {
            repository.commit(new TicketWrite(t, closed, List.of(),
                    List.of(change(EventTypes.STATUS_CHANGED, closed, actor, now, "status", "resolved", "closed", reason))));
            return true;
        } catch (VersionConflictException raced) {
            return false; // changed since it was read: the next run looks again
        }
    }

    /** Applies a partial update. With {@code expectedVersion} a stale copy is refused; without it, races are retried. */
    public TicketThread update(String ticketId, TicketChange change, OptionalLong expectedVersion, Actor actor) {
        validate(change);
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            checkVersion(current.ticket(), expectedVersion);
            Instant now = now();
            List<DomainEvent> events = new ArrayList<>();
            Ticket next = apply(current.ticket(), change, actor, now, events);
            if (events.isEmpty()) {
                return current; // nothing changed: no write, no new version
            }
            try {
                repository.commit(new TicketWrite(current.ticket(), next, List.of(), events));
                return new TicketThread(next, current.messages());
            } catch (VersionConflictException e) {
                if (expectedVersion.isPresent() || attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Writes a notice of the system to the customer (an acknowledgment, a resolution notice): a public
     * message sent through the ticket's channel, which changes no status, is no first response and
     * does not count as activity (updatedAt, lastMessageAt).
     * Written once per {@code key} (kept as the message's threading): a second request with the same
     * key, e.g. the same event delivered twice, writes nothing and answers empty.
     */
    public Optional<Message> addNotice(String ticketId, String key, String body, String html, Actor system) {
        if (system.type() != ActorType.SYSTEM) throw new IllegalArgumentException("notices are the system's");
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            if (current.messages().stream().anyMatch(m -> key.equals(m.threading()) && m.author().type() == ActorType.SYSTEM)) {
                return Optional.empty();
            }
            Ticket t = current.ticket();
            if (t.status() == Status.CLOSED) return Optional.empty();
            Instant now = now();
            Message notice = new Message(ids.newId("msg"), t.id(), system, Visibility.PUBLIC, body, html, t.channel(), now, List.of(),
                    key, null, null, t.channel().delivers() ? Delivery.queued(now) : null);
            // a notice changes nothing the team works by: updatedAt and lastMessageAt (queues, auto-close) stay
            Ticket next = t.toBuilder().version(t.version() + 1).messageCount(t.messageCount() + 1).build();
            try {
                repository.commit(new TicketWrite(t, next, List.of(notice), List.of(messageAdded(next, notice, system, now))));
                return Optional.of(notice);
            } catch (VersionConflictException e) {
                if (attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /** Adds a reply or note to the thread, applying the lifecycle's event-driven moves. */
    public TicketThread addMessage(String ticketId, NewMessage cmd, OptionalLong expectedVersion, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String body = checkBody("body", cmd.body(), errors);
        if (cmd.visibility() == null) errors.add(new FieldError("visibility", "is required (public or internal)"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        if (cmd.visibility() == Visibility.INTERNAL && actor.type() == ActorType.CUSTOMER) {
            throw new ValidationException("visibility", "customers cannot write internal notes");
        }
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            Ticket t = current.ticket();
            checkVersion(t, expectedVersion);
            Instant now = now();
            Status nextStatus;
            if (cmd.visibility() == Visibility.INTERNAL) {
                nextStatus = StatusTransitions.afterInternalNote(t.status());
            } else if (actor.type() == ActorType.CUSTOMER) {
                nextStatus = StatusTransitions.afterCustomerMessage(t.status());
            } else {
                nextStatus = StatusTransitions.afterTeamReply(t.status());
            }
            com.helpdesk.core.ticket.Channel channel = cmd.channel() == null ? t.channel() : cmd.channel();
            boolean outgoing = cmd.visibility() == Visibility.PUBLIC && actor.type() != ActorType.CUSTOMER && channel.delivers();
            Message message = new Message(ids.newId("msg"), t.id(), actor, cmd.visibility(), body,
                    blankToNull(cmd.html()), channel, now, cmd.attachments(), null, null, null,
                    outgoing ? Delivery.queued(now) : null);
            Ticket.Builder b = t.toBuilder().updatedAt(now).version(t.version() + 1).lastMessageAt(now)
                    .messageCount(t.messageCount() + 1).status(nextStatus);
            boolean teamAnswer = message.isPublic()
                    && (actor.type() == ActorType.AGENT || actor.type() == ActorType.AI);
            if (teamAnswer && t.firstResponseAt() == null) b.firstResponseAt(now);
            if (nextStatus != t.status() && t.status() == Status.RESOLVED) b.resolvedAt(null);
            Ticket next = b.build();
            List<DomainEvent> events = new ArrayList<>();
            events.add(messageAdded(next, message, actor, now));
            if (nextStatus != t.status()) {
                events.add(change(EventTypes.STATUS_CHANGED, next, actor, now, "status",
                        t.status().wire(), nextStatus.wire()));
            }
            try {
                repository.commit(new TicketWrite(t, next, List.of(message), events));
                List<Message> thread = new ArrayList<>(current.messages());
                thread.add(message);
                return new TicketThread(next, thread);
            } catch (VersionConflictException e) {
                if (expectedVersion.isPresent() || attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Escalates: the level goes up, the priority rises one step and at least to high (docs/lifecycle.md),
     * the ticket moves to the escalation group's queue (no individual assignee), and a ticket that was
     * waiting (new, pending, resolved) is open again. One Escalated event carries the whole story; the
     * field changes are recorded too, each with the escalation as its reason.
     */
    public TicketThread escalate(String ticketId, String reason, String group, OptionalLong expectedVersion, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = blankToNull(reason);
        if (why == null) errors.add(new FieldError("reason", "is required"));
        else if (why.length() > 1000) errors.add(new FieldError("reason", "is longer than 1000 characters"));
        String target = group == null ? DEFAULT_ESCALATION_GROUP : checkGroup(group, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            Ticket t = current.ticket();
            checkVersion(t, expectedVersion);
            if (t.status() == Status.CLOSED) {
                throw new StateConflictException("ticket-closed", "a closed ticket cannot be escalated; open a follow-up");
            }
            Instant now = now();
            Priority raised = escalatedPriority(t.priority());
            Status status = Status.OPEN; // new, pending and resolved tickets all need work again
            Ticket next = t.toBuilder().escalationLevel(t.escalationLevel() + 1).priority(raised).group(target).assignee(null)
                    .status(status).resolvedAt(null).updatedAt(now).version(t.version() + 1).build();
            String because = "escalated: " + why;
            List<DomainEvent> events = new ArrayList<>();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("level", next.escalationLevel());
            d.put("reason", why);
            d.put("group", target);
            d.put("fromGroup", t.group());
            d.put("fromAssignee", t.assignee());
            d.put("priority", raised.wire());
            d.put("fromPriority", t.priority().wire());
            events.add(event(EventTypes.ESCALATED, next, actor, now, d));
            if (raised != t.priority()) {
                events.add(change(EventTypes.PRIORITY_CHANGED, next, actor, now, "priority", t.priority().wire(), raised.wire(), because));
            }
            if (t.assignee() != null) {
                events.add(change(EventTypes.ASSIGNED, next, actor, now, "assignee", t.assignee(), null, because));
            }
            if (!Objects.equals(t.group(), target)) {
                events.add(change(EventTypes.TICKET_UPDATED, next, actor, now, "group", t.group(), target, because));
            }
            if (status != t.status()) {
                events.add(change(EventTypes.STATUS_CHANGED, next, actor, now, "status", t.status().wire(), status.wire(), because));
            }
            try {
                repository.commit(new TicketWrite(t, next, List.of(), events));
                return new TicketThread(next, current.messages());
            } catch (VersionConflictException e) {
                if (expectedVersion.isPresent() || attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Links two related tickets (both sides record it). Links are annotations, so closed tickets accept
     * them. Linking what is already linked changes nothing.
     */
    public TicketThread link(String ticketId, String otherRef, OptionalLong expectedVersion, Actor actor) {
        return relink(ticketId, otherRef, expectedVersion, actor, true);
    }

    public TicketThread unlink(String ticketId, String otherRef, OptionalLong expectedVersion, Actor actor) {
        return relink(ticketId, otherRef, expectedVersion, actor, false);
    }

    private TicketThread relink(String ticketId, String otherRef, OptionalLong expectedVersion, Actor actor, boolean add) {
        String otherId = resolveId(otherRef);
        if (otherId.equals(ticketId)) throw new ValidationException("ticketId", "a ticket cannot be linked to itself");
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            Ticket a = current.ticket();
            checkVersion(a, expectedVersion);
            Ticket b = get(otherId).ticket();
            if (add == a.linkedTicketIds().contains(otherId)) return current;
            if (add && (a.linkedTicketIds().size() >= Ticket.MAX_LINKS || b.linkedTicketIds().size() >= Ticket.MAX_LINKS)) {
                throw new StateConflictException("too-many-links", "a ticket has at most " + Ticket.MAX_LINKS + " links");
            }
            Instant now = now();
            Ticket nextA = withLink(a, b.id(), add, now);
            Ticket nextB = withLink(b, a.id(), add, now);
            String type = add ? EventTypes.LINKED : EventTypes.UNLINKED;
            try {
                repository.commitAll(List.of(
                        new TicketWrite(a, nextA, List.of(), List.of(event(type, nextA, actor, now, linkDetail(b)))),
                        new TicketWrite(b, nextB, List.of(), List.of(event(type, nextB, actor, now, linkDetail(a))))));
                return new TicketThread(nextA, current.messages());
            } catch (VersionConflictException e) {
                // a race on either ticket: read again; If-Match is re-checked against the fresh copy
                if (attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    private static Ticket withLink(Ticket t, String otherId, boolean add, Instant now) {
        SortedSet<String> links = new TreeSet<>(t.linkedTicketIds());
        if (add) links.add(otherId); else links.remove(otherId);
        return t.toBuilder().linkedTicketIds(links).updatedAt(now).version(t.version() + 1).build();
    }

    private static Map<String, Object> linkDetail(Ticket other) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("otherTicketId", other.id());
        d.put("otherTicketNumber", other.number());
        return d;
    }

    /** How many tickets one merge may fold in (all of it is one atomic write). */
    public static final int MAX_MERGE_SOURCES = 5;

    /**
     * Folds tickets into a target: their messages join the target's thread (in time order), their
     * requesters become the target's CCs, their tags are united, and each source is closed with a
     * pointer to the target, which threading follows so later replies land in the target.
     */
    public TicketThread merge(String targetId, List<String> sourceRefs, OptionalLong expectedVersion, Actor actor) {
        if (sourceRefs == null || sourceRefs.isEmpty()) throw new ValidationException("ticketIds", "name at least one ticket to merge");
        if (sourceRefs.size() > MAX_MERGE_SOURCES) {
            throw new ValidationException("ticketIds", "merge at most " + MAX_MERGE_SOURCES + " tickets at once");
        }
        List<String> sourceIds = new ArrayList<>();
        for (String ref : sourceRefs) {
            String id = resolveId(ref);
            if (id.equals(targetId)) throw new StateConflictException("merge-into-itself", "a ticket cannot be merged into itself");
            if (!sourceIds.contains(id)) sourceIds.add(id);
        }
        for (int attempt = 1; ; attempt++) {
            Ticket target = get(targetId).ticket();
            checkVersion(target, expectedVersion);
            if (target.status() == Status.CLOSED) {
                throw new StateConflictException("ticket-closed", "cannot merge into a closed ticket");
            }
            List<Ticket> sources = new ArrayList<>();
            for (String id : sourceIds) {
                Ticket s = get(id).ticket();
                if (s.mergedInto() != null) {
                    throw new StateConflictException("already-merged", "#" + s.number() + " was already merged into another ticket");
                }
                if (s.mergedFrom().contains(target.id())) {
                    throw new StateConflictException("merge-cycle", "#" + target.number() + " was merged into #" + s.number()
                            + "; merging back would make a cycle");
                }
                sources.add(s);
            }
            Instant now = now();
            SortedSet<String> tags = new TreeSet<>(target.tags());
            SortedSet<String> ccs = new TreeSet<>(target.ccs());
            int messages = target.messageCount();
            Instant lastMessage = target.lastMessageAt();
            for (Ticket s : sources) {
                tags.addAll(s.tags());
                ccs.addAll(s.identities());
                messages += s.messageCount();
                if (s.lastMessageAt() != null && (lastMessage == null || s.lastMessageAt().isAfter(lastMessage))) lastMessage = s.lastMessageAt();
            }
            ccs.removeAll(target.requester().identities());
            if (tags.size() > Tags.MAX_PER_TICKET) {
                throw new StateConflictException("too-many-tags", "the merged ticket would have " + tags.size()
                        + " tags; the limit is " + Tags.MAX_PER_TICKET + ": remove some first");
            }
            if (ccs.size() > Ticket.MAX_CCS) {
                throw new StateConflictException("too-many-ccs", "the merged ticket would have " + ccs.size() + " CCs; the limit is " + Ticket.MAX_CCS);
            }
            SortedSet<String> mergedFrom = new TreeSet<>(target.mergedFrom());
            sources.forEach(s -> mergedFrom.add(s.id()));
            Ticket merged = target.toBuilder().tags(tags).ccs(ccs).mergedFrom(mergedFrom).messageCount(messages)
                    .lastMessageAt(lastMessage).updatedAt(now).version(target.version() + 1).build();

            List<TicketWrite> writes = new ArrayList<>();
            List<DomainEvent> targetEvents = new ArrayList<>();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("role", "target");
            d.put("sources", sources.stream().map(s -> Map.<String, Object>of("id", s.id(), "number", s.number())).toList());
            List<String> addedTags = tags.stream().filter(t -> !target.tags().contains(t)).toList();
            d.put("tagsAdded", addedTags);
            d.put("ccsAdded", ccs.stream().filter(c -> !target.ccs().contains(c)).toList());
            targetEvents.add(event(EventTypes.MERGED, merged, actor, now, d));
            if (!addedTags.isEmpty()) {
                Map<String, Object> tagged = new LinkedHashMap<>();
                tagged.put("added", addedTags);
                tagged.put("removed", List.of());
                tagged.put("tags", List.copyOf(tags));
                tagged.put("reason", "merge");
                targetEvents.add(event(EventTypes.TAGGED, merged, actor, now, tagged));
            }
            writes.add(new TicketWrite(target, merged, List.of(), targetEvents));
            for (Ticket s : sources) {
                Ticket closed = s.toBuilder().status(Status.CLOSED).mergedInto(target.id())
                        .resolvedAt(s.resolvedAt() == null ? now : s.resolvedAt()).updatedAt(now).version(s.version() + 1).build();
                List<DomainEvent> events = new ArrayList<>();
                Map<String, Object> sd = new LinkedHashMap<>();
                sd.put("role", "source");
                sd.put("target", Map.of("id", target.id(), "number", target.number()));
                events.add(event(EventTypes.MERGED, closed, actor, now, sd));
                if (s.status() != Status.CLOSED) {
                    events.add(change(EventTypes.STATUS_CHANGED, closed, actor, now, "status", s.status().wire(), "closed",
                            "merged into #" + target.number()));
                }
                writes.add(new TicketWrite(s, closed, List.of(), events));
            }
            try {
                repository.commitAll(writes);
                return get(targetId);
            } catch (VersionConflictException e) {
                // a race on any of the tickets: read again; If-Match is re-checked against the fresh copy
                if (attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Racing deliveries of one conversation each need a fresh round after losing one; in production a
     * FIFO queue grouped by conversation serialises them and this is only the safety net.
     */
    private static final int INBOUND_ATTEMPTS = 12;

    /** How many merge pointers threading follows before giving up (merges cannot form cycles; this is a guard). */
    private static final int MAX_MERGE_HOPS = 10;

    /**
     * Takes one customer message from any channel: stored once however often it is delivered, threaded
     * by its keys in order (following merges to the surviving ticket), reopening a pending or resolved
     * ticket, opening a linked follow-up when the conversation's ticket is closed, or opening a new
     * ticket. Two messages of a new conversation arriving together make one ticket: the second one's
     * claim on the thread key fails and it is threaded again. An auto-reply joins its ticket without
     * reopening it and never opens one; a bounce marks the reply it reports as failed.
     */
    public InboundResult receive(InboundMessage in) {
        if (in.dedupeKey() == null || in.dedupeKey().isBlank()) throw new ValidationException("dedupeKey", "is required");
        if (in.requester() == null) throw new ValidationException("requester", "is required");
        if (in.channel() == null) throw new ValidationException("channel", "is required");
        String body = in.body() == null || in.body().isBlank() ? "(no text)" : in.body();
        if (body.length() > Message.MAX_BODY) body = body.substring(0, Message.MAX_BODY);
        Actor customer = Actor.customer(in.requester());
        for (int attempt = 1; ; attempt++) {
            var seen = repository.ticketForInbound(in.dedupeKey());
            if (seen.isPresent()) return new InboundResult(InboundResult.Outcome.DUPLICATE, seen.get(), null, "delivered before");
            Ticket target = null;
            String reason = null;
            Map<String, String> claims = new LinkedHashMap<>(); // key -> the ticket it points to now (null: none)
            Map<String, String> leadingToTarget = new LinkedHashMap<>();
            for (ThreadKey key : in.threadKeys()) {
                Optional<String> found = key.namesTicket() ? ticketNamedBy(key.key()) : repository.ticketForThreadKey(key.key());
                if (found.isEmpty()) {
                    if (!key.namesTicket()) claims.put(key.key(), null);
                    continue;
                }
                Ticket t = followMerges(found.get());
                if (key.participantsOnly() && !isParticipant(t, in.requester())) continue;
                if (target == null) {
                    target = t;
                    reason = key.reason() + (t.id().equals(found.get()) ? "" : " (merged into #" + t.number() + ")");
                    if (!key.namesTicket()) leadingToTarget.put(key.key(), found.get());
                } else if (!key.namesTicket() && t.id().equals(target.id())) {
                    leadingToTarget.put(key.key(), found.get());
                }
            }
            try {
                if (in.kind() == InboundMessage.Kind.BOUNCE) return bounced(in, target, reason);
                if (in.kind() == InboundMessage.Kind.STATUS) return statusReport(in, target);
                if (in.kind() == InboundMessage.Kind.AUTO_REPLY && (target == null || target.status() == Status.CLOSED)) {
                    String why = target == null ? "auto-reply to no known conversation" : "auto-reply to closed #" + target.number();
                    repository.recordUnthreaded(in, why, now());
                    return new InboundResult(InboundResult.Outcome.UNTHREADED, null, null, why);
                }
                if (target != null && target.status() != Status.CLOSED) {
                    return threadOnto(target, in, body, reason, customer, claims);
                }
                return openFor(target, in, body, reason, customer, claims, leadingToTarget);
            } catch (DuplicateRequestException dup) {
                return new InboundResult(InboundResult.Outcome.DUPLICATE, dup.ticketId(), null, "delivered before");
            } catch (VersionConflictException | ThreadKeyTakenException raced) {
                if (attempt >= INBOUND_ATTEMPTS) throw raced;
            }
        }
    }

    private Optional<String> ticketNamedBy(String key) {
        String number = key.substring(ThreadKey.NUMBER.length());
        return NUMBER.matcher(number).matches() ? repository.findIdByNumber(Long.parseLong(number)) : Optional.empty();
    }

    private static boolean isParticipant(Ticket t, Requester sender) {
        List<String> known = t.identities();
        return sender.identities().stream().anyMatch(known::contains);
    }

    private InboundResult threadOnto(Ticket target, InboundMessage in, String body, String reason, Actor customer,
                                     Map<String, String> claims) {
        Instant now = now();
        boolean autoReply = in.kind() == InboundMessage.Kind.AUTO_REPLY;
        Status next = autoReply ? target.status() : StatusTransitions.afterCustomerMessage(target.status());
        String threading = autoReply ? reason + "; auto-reply: does not reopen" : reason;
        Message message = new Message(ids.newId("msg"), target.id(), customer, Visibility.PUBLIC, body, in.html(), in.channel(),
                now, in.attachments(), threading, in.externalId(), in.original(), null);
        SortedSet<String> tags = new TreeSet<>(target.tags());
        tags.addAll(Tags.normaliseAll("tags", in.tags()));
        Ticket.Builder b = target.toBuilder().status(next).updatedAt(now).version(target.version() + 1).lastMessageAt(now)
                .messageCount(target.messageCount() + 1);
        if (tags.size() <= Tags.MAX_PER_TICKET) b.tags(tags);
        if (next != target.status() && target.status() == Status.RESOLVED) b.resolvedAt(null);
        Ticket updated = b.build();
        List<DomainEvent> events = new ArrayList<>();
        events.add(messageAdded(updated, message, customer, now));
        if (next != target.status()) {
            events.add(change(EventTypes.STATUS_CHANGED, updated, customer, now, "status", target.status().wire(), next.wire(),
                    "customer wrote"));
        }
        if (!updated.tags().equals(target.tags())) {
            events.add(change(EventTypes.TAGGED, updated, customer, now, "tags", List.copyOf(target.tags()), List.copyOf(updated.tags()),
                    "inbound message"));
        }
        repository.commitInbound(List.of(new TicketWrite(target, updated, List.of(message), events)), in.dedupeKey(), claims,
                target.id(), receivedAt(in, now));
        return new InboundResult(InboundResult.Outcome.THREADED, target.id(), message.id(), threading);
    }

    private InboundResult openFor(Ticket closed, InboundMessage in, String body, String reason, Actor customer,
                                  Map<String, String> claims, Map<String, String> leadingToClosed) {
        Instant now = now();
        String why = closed == null ? "new conversation" : "follow-up of closed #" + closed.number() + " (" + reason + ")";
        String ticketId = ids.newId("tkt");
        Message message = new Message(ids.newId("msg"), ticketId, customer, Visibility.PUBLIC, body, in.html(), in.channel(), now,
                in.attachments(), why, in.externalId(), in.original(), null);
        String subject = in.subject() == null || in.subject().isBlank() ? "(no subject)" : in.subject().strip();
        if (subject.length() > Ticket.MAX_SUBJECT) subject = subject.substring(0, Ticket.MAX_SUBJECT);
        SortedSet<String> tags = Tags.normaliseAll("tags", in.tags());
        while (tags.size() > Tags.MAX_PER_TICKET) tags.remove(tags.last());
        Ticket ticket = Ticket.builder().id(ticketId).number(repository.allocateNumber()).subject(subject).status(Status.NEW)
                .priority(Priority.NORMAL).channel(in.channel()).requester(in.requester()).tags(tags)
                .linkedTicketIds(closed == null ? List.of() : List.of(closed.id()))
                .conversation(in.threadKeys().stream().map(ThreadKey::key).filter(k -> k.startsWith("chat:") && k.contains(":conv:"))
                        .findFirst().orElse(null))
                .createdAt(now).updatedAt(now).version(1).lastMessageAt(now).messageCount(1).build();
        List<TicketWrite> writes = new ArrayList<>();
        writes.add(TicketWrite.create(ticket, List.of(message), List.of(
                event(EventTypes.TICKET_CREATED, ticket, customer, now, createdDetail(ticket, why)),
                messageAdded(ticket, message, customer, now))));
        Map<String, String> allClaims = new LinkedHashMap<>(claims);
        InboundResult.Outcome outcome = InboundResult.Outcome.CREATED;
        if (closed != null) {
            allClaims.putAll(leadingToClosed); // the conversation continues on the follow-up
            Ticket linked = withLink(closed, ticketId, true, now);
            writes.add(new TicketWrite(closed, linked, List.of(), List.of(event(EventTypes.LINKED, linked, customer, now, linkDetail(ticket)))));
            outcome = InboundResult.Outcome.FOLLOW_UP;
        }
        repository.commitInbound(writes, in.dedupeKey(), allClaims, ticketId, receivedAt(in, now));
        return new InboundResult(outcome, ticketId, message.id(), why);
    }

    /**
     * A delivery report about one of our replies: the reply is marked failed with the report's reason and
     * the ticket gets a system note, without a status change. A report about nothing we sent is recorded.
     */
    private InboundResult bounced(InboundMessage in, Ticket target, String reason) {
        InboundMessage.Bounce b = in.bounce();
        Message reply = null;
        if (target != null && b != null && b.repliedExternalId() != null) {
            reply = get(target.id()).messages().stream().filter(m -> b.repliedExternalId().equals(m.externalId())).findFirst().orElse(null);
        }
        if (reply == null) {
            String why = "delivery report for no known reply";
            repository.recordUnthreaded(in, why, now());
            return new InboundResult(InboundResult.Outcome.UNTHREADED, null, null, why);
        }
        Instant now = now();
        String detail = "bounced" + (b.recipient() == null ? "" : " by " + b.recipient())
                + (b.status() == null ? "" : ": " + b.status()) + (b.diagnostic() == null ? "" : " " + b.diagnostic());
        Actor mail = Actor.system("mail");
        Message note = new Message(ids.newId("msg"), target.id(), mail, Visibility.INTERNAL,
                "Delivery failed for the reply of " + reply.createdAt() + ": " + detail, null, in.channel(), now,
                in.attachments(), reason + "; delivery report", in.externalId(), in.original(), null);
        List<Message> changed = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        Ticket updated = target.toBuilder().updatedAt(now).version(target.version() + 1).messageCount(target.messageCount() + 1).build();
        events.add(messageAdded(updated, note, mail, now));
        Delivery current = reply.delivery();
        if (current == null || current.status().canMoveTo(DeliveryStatus.FAILED)) {
            Delivery failed = new Delivery(DeliveryStatus.FAILED, now, current == null ? null : current.providerId(), detail,
                    current == null ? 0 : current.attempts());
            changed.add(reply.withDelivery(failed));
            events.add(deliveryUpdated(updated, reply, failed, mail, now));
        }
        repository.commitInbound(List.of(new TicketWrite(target, updated, List.of(note), List.of(), events, changed, List.of())),
                in.dedupeKey(), Map.of(), target.id(), receivedAt(in, now));
        return new InboundResult(InboundResult.Outcome.THREADED, target.id(), note.id(), detail);
    }

    /**
     * A provider's status callback about one of our replies (delivered, read, failed): recorded on the
     * reply; statuses only move forward, so a repeated or late callback changes nothing.
     */
    private InboundResult statusReport(InboundMessage in, Ticket target) {
        InboundMessage.Bounce r = in.bounce();
        Message reply = target == null || r == null || r.repliedExternalId() == null ? null : get(target.id()).messages().stream()
                .filter(m -> m.delivery() != null && r.repliedExternalId().equals(m.delivery().providerId())).findFirst().orElse(null);
        DeliveryStatus status;
        try {
            status = r == null ? null : DeliveryStatus.parse("status", r.status());
        } catch (ValidationException unknown) {
            status = null;
        }
        if (reply == null || status == null) {
            String why = "status report for no known reply";
            repository.recordUnthreaded(in, why, now());
            return new InboundResult(InboundResult.Outcome.UNTHREADED, null, null, why);
        }
        boolean moved = recordDelivery(reply.ticketId(), reply.id(), status, null, r.diagnostic(), null, List.of(), Actor.system("chat-status"));
        return new InboundResult(moved ? InboundResult.Outcome.THREADED : InboundResult.Outcome.DUPLICATE, reply.ticketId(), reply.id(),
                "delivery " + status.wire());
    }

    private static Instant receivedAt(InboundMessage in, Instant now) {
        return in.receivedAt() == null ? now : in.receivedAt();
    }

    /** A file of the ticket's thread (an attachment, or a message's raw original) by its public id. */
    public com.helpdesk.core.ticket.Attachment attachment(String ticketId, String publicId) {
        for (Message m : get(ticketId).messages()) {
            for (com.helpdesk.core.ticket.Attachment a : m.attachments()) if (a.publicId().equals(publicId)) return a;
            if (m.original() != null && m.original().publicId().equals(publicId)) return m.original();
        }
        throw new NotFoundException("attachment " + publicId + " on ticket " + ticketId);
    }

    /** Tags of AI outcomes: a deflection counts while the ticket stays resolved by the AI. */
    public static final String AI_DEFLECTED = "ai-deflected";
    public static final String AI_HANDOFF = "ai-handoff";
    public static final int MAX_AI_TURNS = 200;

    /**
     * Records an AI agent's conversation as a ticket, idempotently on the conversation id: the first
     * report opens the ticket with the transcript threaded (customer turns by the customer, the AI's by
     * the AI) and either resolves it by the AI (a deflection) or hands it to humans (open, the summary and
     * the reason as an internal note, the intent as a tag). A later report adds only the turns not seen
     * yet; a new customer turn on an AI-resolved conversation reopens it for humans and the deflection no
     * longer counts. The same report twice writes nothing.
     */
    public CreateResult recordAiConversation(AiConversation c, Actor ai) {
        if (ai.type() != ActorType.AI) throw new IllegalArgumentException("an AI conversation is reported by an AI");
        List<FieldError> errors = new ArrayList<>();
        if (c.conversationId() == null || c.conversationId().isBlank() || c.conversationId().length() > 200) {
            errors.add(new FieldError("conversationId", "is required (at most 200 characters)"));
        }
        if (c.customer() == null) errors.add(new FieldError("customer", "is required"));
        if (c.channel() == null) errors.add(new FieldError("channel", "is required"));
        if (c.outcome() == null) errors.add(new FieldError("outcome", "is required (resolved or handoff)"));
        if (c.transcript().isEmpty()) errors.add(new FieldError("transcript", "needs at least one turn"));
        if (c.transcript().size() > MAX_AI_TURNS) errors.add(new FieldError("transcript", "at most " + MAX_AI_TURNS + " turns"));
        for (int i = 0; i < c.transcript().size(); i++) {
            AiConversation.Turn turn = c.transcript().get(i);
            if (turn.text() == null || turn.text().isBlank()) errors.add(new FieldError("transcript[" + i + "].text", "is required"));
            else if (turn.text().length() > Message.MAX_BODY) errors.add(new FieldError("transcript[" + i + "].text", "is too long"));
        }
        if (c.outcome() == AiConversation.Outcome.HANDOFF && (c.summary() == null || c.summary().isBlank())
                && (c.handoffReason() == null || c.handoffReason().isBlank())) {
            errors.add(new FieldError("summary", "a handoff needs a summary or a handoffReason for the humans who take over"));
        }
        SortedSet<String> intentTag = c.intent() == null || c.intent().isBlank() ? new TreeSet<>()
                : collect(errors, () -> Tags.normaliseAll("intent", List.of(c.intent())));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String key = "ai:" + ai.id() + ":conv:" + c.conversationId();
        Actor customer = Actor.customer(c.customer());
        for (int attempt = 1; ; attempt++) {
            Optional<String> existing = repository.ticketForThreadKey(key);
            Instant now = now();
            try {
                if (existing.isEmpty()) return new CreateResult(openAiTicket(c, ai, customer, key, intentTag, now), false);
                return new CreateResult(continueAiTicket(existing.get(), c, ai, customer, intentTag, now), true);
            } catch (VersionConflictException | ThreadKeyTakenException | DuplicateRequestException raced) {
                if (attempt >= INBOUND_ATTEMPTS) throw raced;
            }
        }
    }

    private List<Message> turns(String ticketId, AiConversation c, int from, Actor ai, Actor customer, Instant now) {
        List<Message> out = new ArrayList<>();
        for (int i = from; i < c.transcript().size(); i++) {
            AiConversation.Turn turn = c.transcript().get(i);
            Instant at = turn.at() == null ? now : turn.at();
            out.add(new Message(ids.newId("msg"), ticketId, turn.fromCustomer() ? customer : ai, Visibility.PUBLIC, turn.text(), null,
                    c.channel(), now, List.of(), "ai transcript #" + (i + 1) + " (" + at + ")", null, null, null));
        }
        return out;
    }

    private Message aiNote(String ticketId, AiConversation c, Actor ai, Instant now) {
        StringBuilder note = new StringBuilder("AI ").append(c.outcome() == AiConversation.Outcome.HANDOFF ? "handoff" : "resolution");
        if (c.intent() != null) note.append(" - intent: ").append(c.intent());
        if (c.confidence() != null) note.append(" (confidence ").append(c.confidence()).append(')');
        if (c.handoffReason() != null && !c.handoffReason().isBlank()) note.append("\nReason for the handoff: ").append(c.handoffReason());
        if (c.summary() != null && !c.summary().isBlank()) note.append("\nSummary: ").append(c.summary());
        return new Message(ids.newId("msg"), ticketId, ai, Visibility.INTERNAL, note.toString(), null, c.channel(), now, List.of(),
                "ai " + c.outcome().name().toLowerCase(java.util.Locale.ROOT), null, null, null);
    }

    private TicketThread openAiTicket(AiConversation c, Actor ai, Actor customer, String key, SortedSet<String> intentTag, Instant now) {
        String ticketId = ids.newId("tkt");
        boolean resolved = c.outcome() == AiConversation.Outcome.RESOLVED;
        List<Message> messages = new ArrayList<>(turns(ticketId, c, 0, ai, customer, now));
        messages.add(aiNote(ticketId, c, ai, now));
        SortedSet<String> tags = new TreeSet<>(intentTag);
        tags.add(resolved ? AI_DEFLECTED : AI_HANDOFF);
        String first = c.transcript().stream().filter(AiConversation.Turn::fromCustomer).map(AiConversation.Turn::text).findFirst()
                .orElse(c.transcript().get(0).text()).strip().replaceAll("\\s+", " ");
        String subject = (c.intent() == null ? "" : c.intent() + ": ") + (first.length() > 80 ? first.substring(0, 80) + "..." : first);
        if (subject.length() > Ticket.MAX_SUBJECT) subject = subject.substring(0, Ticket.MAX_SUBJECT);
        boolean aiAnswered = c.transcript().stream().anyMatch(t -> !t.fromCustomer());
        Ticket ticket = Ticket.builder().id(ticketId).number(repository.allocateNumber()).subject(subject)
                .status(resolved ? Status.RESOLVED : Status.OPEN).priority(Priority.NORMAL).channel(c.channel()).requester(c.customer())
                .tags(tags).createdAt(now).updatedAt(now).version(1).lastMessageAt(now).messageCount(messages.size())
                .firstResponseAt(aiAnswered ? now : null).resolvedAt(resolved ? now : null).resolvedBy(resolved ? ai : null).build();
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> created = createdDetail(ticket, resolved ? "resolved by the AI agent" : "handed off by the AI agent: "
                + (c.handoffReason() == null ? "" : c.handoffReason()));
        events.add(event(EventTypes.TICKET_CREATED, ticket, ai, now, created));
        for (Message m : messages) events.add(messageAdded(ticket, m, m.author(), now));
        repository.commitInbound(List.of(TicketWrite.create(ticket, messages, events)), key + "#report:" + c.transcript().size() + ":" + c.outcome(),
                nullClaim(key), ticketId, now);
        return new TicketThread(ticket, messages);
    }

    /** A claim that the key is new (a null value: no ticket holds it yet). */
    private static Map<String, String> nullClaim(String key) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(key, null);
        return claims;
    }

    private TicketThread continueAiTicket(String ticketId, AiConversation c, Actor ai, Actor customer, SortedSet<String> intentTag, Instant now) {
        TicketThread current = get(ticketId);
        Ticket t = current.ticket();
        int seen = (int) current.messages().stream().filter(m -> m.threading() != null && m.threading().startsWith("ai transcript #")).count();
        List<Message> added = new ArrayList<>(turns(ticketId, c, Math.min(seen, c.transcript().size()), ai, customer, now));
        boolean customerWroteAgain = added.stream().anyMatch(m -> m.author().type() == ActorType.CUSTOMER);
        boolean handoffNow = c.outcome() == AiConversation.Outcome.HANDOFF && t.tags().contains(AI_DEFLECTED);
        if (added.isEmpty() && !handoffNow) return current; // the same report again
        if (t.status() == Status.CLOSED) throw new StateConflictException("ticket-closed", "the AI conversation's ticket #" + t.number() + " is closed");
        if (handoffNow || customerWroteAgain && c.outcome() == AiConversation.Outcome.HANDOFF) added.add(aiNote(ticketId, c, ai, now));
        Ticket.Builder b = t.toBuilder().updatedAt(now).version(t.version() + 1).lastMessageAt(now).messageCount(t.messageCount() + added.size());
        SortedSet<String> tags = new TreeSet<>(t.tags());
        tags.addAll(intentTag);
        Status next = t.status();
        boolean aiResolved = t.status() == Status.RESOLVED && t.resolvedBy() != null && t.resolvedBy().type() == ActorType.AI;
        if ((customerWroteAgain && c.outcome() == AiConversation.Outcome.HANDOFF || handoffNow || customerWroteAgain && aiResolved)
                && t.status() != Status.OPEN) {
            next = Status.OPEN; // back to humans: the deflection no longer counts
            b.status(next).resolvedAt(null);
            tags.remove(AI_DEFLECTED);
            tags.add(AI_HANDOFF);
        }
        b.tags(tags);
        Ticket updated = b.build();
        List<DomainEvent> events = new ArrayList<>();
        for (Message m : added) events.add(messageAdded(updated, m, m.author(), now));
        if (next != t.status()) {
            events.add(change(EventTypes.STATUS_CHANGED, updated, customerWroteAgain ? customer : ai, now, "status", t.status().wire(), next.wire(),
                    customerWroteAgain ? "customer wrote again after the AI" : "handed off by the AI agent"));
        }
        if (!updated.tags().equals(t.tags())) {
            events.add(change(EventTypes.TAGGED, updated, ai, now, "tags", List.copyOf(t.tags()), List.copyOf(updated.tags()), "AI conversation"));
        }
        repository.commit(new TicketWrite(t, updated, added, events));
        List<Message> thread = new ArrayList<>(current.messages());
        thread.addAll(added);
        return new TicketThread(updated, thread);
    }

    /** How long a sender may hold a reply in {@code sending} before another may take it over (it crashed). */
    public static final java.time.Duration SENDING_LEASE = java.time.Duration.ofMinutes(5);

    /**
     * Claims a queued reply for sending, so that a second delivery of the same event does not send it
     * twice: the answer is empty when the reply is not (or no longer) waiting to be sent, or another
     * sender holds it. The claim is a versioned write on the ticket; of two racing senders one wins.
     */
    public Optional<Message> beginDelivery(String ticketId, String messageId, Actor sender) {
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            Message m = ownMessage(current, ticketId, messageId);
            Delivery d = m.delivery();
            Instant now = now();
            boolean waiting = d != null && (d.status() == DeliveryStatus.QUEUED
                    || d.status() == DeliveryStatus.SENDING && d.at().plus(SENDING_LEASE).isBefore(now));
            if (!waiting) return Optional.empty();
            Delivery sending = new Delivery(DeliveryStatus.SENDING, now, d.providerId(), null, d.attempts() + 1);
            Message claimed = m.withDelivery(sending);
            Ticket t = current.ticket();
            Ticket next = t.toBuilder().version(t.version() + 1).build();
            try {
                repository.commit(new TicketWrite(t, next, List.of(), List.of(), List.of(), List.of(claimed), List.of()));
                return Optional.of(claimed);
            } catch (VersionConflictException e) {
                if (attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Records what a provider said about a reply: sent (with the id it gave the message and the id the
     * message really went out with, e.g. the Message-ID SES wrote; {@code threadKeys} then lead answers
     * to this ticket), delivered, read, or failed with a reason.
     * Statuses only move forward; a late or repeated report changes nothing and returns false.
     */
    public boolean recordDelivery(String ticketId, String messageId, DeliveryStatus status, String providerId, String detail,
                                  String externalId, List<String> threadKeys, Actor reporter) {
        for (int attempt = 1; ; attempt++) {
            TicketThread current = get(ticketId);
            Message m = ownMessage(current, ticketId, messageId);
            Delivery d = m.delivery();
            if (d != null && !d.status().canMoveTo(status) && !(d.status() == DeliveryStatus.SENDING && status == DeliveryStatus.QUEUED)) {
                return false;
            }
            Instant now = now();
            Delivery next = new Delivery(status, now, providerId != null ? providerId : d == null ? null : d.providerId(),
                    blankToNull(detail), d == null ? 0 : d.attempts());
            Message changed = m.withDelivery(next);
            if (externalId != null) changed = changed.withExternalId(externalId);
            Ticket t = current.ticket();
            Ticket updated = t.toBuilder().version(t.version() + 1).build(); // delivery news is no ticket activity: updatedAt stays
            List<DomainEvent> events = status == DeliveryStatus.SENDING || status == DeliveryStatus.QUEUED
                    ? List.of() : List.of(deliveryUpdated(updated, m, next, reporter, now));
            try {
                repository.commit(new TicketWrite(t, updated, List.of(), List.of(), events, List.of(changed), threadKeys));
                return true;
            } catch (VersionConflictException e) {
                if (attempt >= UNCONDITIONAL_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * A send attempt failed, on any channel: a refusal, or a transient failure on the last allowed
     * attempt, marks the reply failed (and answers FAILED); an earlier transient failure queues it again
     * with the reason and throws {@link RetryLater}.
     */
    public SendOutcome failedAttempt(String ticketId, Message claimed, String reason, boolean permanent, int maxAttempts, Actor sender) {
        int attempts = claimed.delivery().attempts();
        if (permanent || attempts >= maxAttempts) {
            recordDelivery(ticketId, claimed.id(), DeliveryStatus.FAILED, null,
                    permanent ? reason : "gave up after " + attempts + " attempts: " + reason, null, List.of(), sender);
            return SendOutcome.FAILED;
        }
        recordDelivery(ticketId, claimed.id(), DeliveryStatus.QUEUED, null, "retrying: " + reason, null, List.of(), sender);
        throw new RetryLater(reason);
    }

    /** A message written on this ticket itself (not one shown here because its ticket was merged in). */
    private static Message ownMessage(TicketThread thread, String ticketId, String messageId) {
        return thread.messages().stream().filter(m -> m.id().equals(messageId) && m.ticketId().equals(ticketId)).findFirst()
                .orElseThrow(() -> new NotFoundException("message " + messageId + " on ticket " + ticketId));
    }

    private DomainEvent deliveryUpdated(Ticket t, Message m, Delivery d, Actor actor, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messageId", m.id());
        detail.put("channel", m.channel().wire());
        detail.put("status", d.status().wire());
        detail.put("providerId", d.providerId());
        detail.put("detail", d.detail());
        return event(EventTypes.DELIVERY_UPDATED, t, actor, now, detail);
    }

    private Ticket followMerges(String ticketId) {
        Ticket t = get(ticketId).ticket();
        for (int hop = 0; t.mergedInto() != null && hop < MAX_MERGE_HOPS; hop++) t = get(t.mergedInto()).ticket();
        return t;
    }

    /** How many messages one split may move (each is a delete and a put in one atomic write). */
    public static final int MAX_SPLIT_MESSAGES = 20;

    /**
     * Moves messages of a ticket into a new child ticket that inherits the requester, CCs, channel,
     * priority, group, assignee and tags, and points to its parent; the parent lists its children.
     * The parent keeps at least one message of its own.
     */
    public CreateResult split(String parentId, List<String> messageIds, String subject, OptionalLong expectedVersion, Actor actor) {
        if (messageIds == null || messageIds.isEmpty()) throw new ValidationException("messageIds", "name at least one message");
        if (messageIds.size() > MAX_SPLIT_MESSAGES) {
            throw new ValidationException("messageIds", "split at most " + MAX_SPLIT_MESSAGES + " messages at once");
        }
        List<FieldError> errors = new ArrayList<>();
        String childSubject = subject == null ? null : checkSubject(subject, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        TicketThread current = get(parentId);
        Ticket parent = current.ticket();
        checkVersion(parent, expectedVersion);
        if (parent.status() == Status.CLOSED) throw new StateConflictException("ticket-closed", "a closed ticket cannot be split");
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(messageIds);
        List<Message> moving = new ArrayList<>();
        List<Message> staying = new ArrayList<>();
        for (Message m : current.messages()) {
            if (!m.ticketId().equals(parentId)) {
                if (wanted.contains(m.id())) {
                    throw new StateConflictException("message-from-merge", "message " + m.id() + " came in with a merge; split it from the ticket it was written on");
                }
                continue;
            }
            (wanted.contains(m.id()) ? moving : staying).add(m);
        }
        for (String id : wanted) {
            if (moving.stream().noneMatch(m -> m.id().equals(id))) throw new ValidationException("messageIds", "no message " + id + " on this ticket");
        }
        if (staying.isEmpty()) throw new StateConflictException("split-everything", "the ticket must keep at least one of its messages");

        Instant now = now();
        String childId = ids.newId("tkt");
        List<Message> moved = moving.stream().map(m -> new Message(m.id(), childId, m.author(), m.visibility(), m.body(), m.html(),
                m.channel(), m.createdAt(), m.attachments(), m.threading(), m.externalId(), m.original(), m.delivery())).toList();
        Instant firstResponse = moved.stream().filter(m -> m.isPublic() && (m.author().type() == ActorType.AGENT
                || m.author().type() == ActorType.AI)).map(Message::createdAt).min(Instant::compareTo).orElse(null);
        Ticket child = Ticket.builder().id(childId).number(repository.allocateNumber())
                .subject(childSubject != null ? childSubject : parent.subject())
                .status(parent.status() == Status.NEW ? Status.NEW : Status.OPEN)
                .priority(parent.priority()).channel(parent.channel()).requester(parent.requester()).ccs(parent.ccs())
                .assignee(parent.assignee()).group(parent.group()).tags(parent.tags()).parentId(parentId)
                .createdAt(now).updatedAt(now).version(1).firstResponseAt(firstResponse)
                .lastMessageAt(moved.get(moved.size() - 1).createdAt()).messageCount(moved.size()).build();
        SortedSet<String> children = new TreeSet<>(parent.childIds());
        children.add(childId);
        Ticket remaining = parent.toBuilder().childIds(children).messageCount(parent.messageCount() - moved.size())
                .lastMessageAt(staying.get(staying.size() - 1).createdAt()).updatedAt(now).version(parent.version() + 1).build();

        List<String> movedIds = moved.stream().map(Message::id).toList();
        Map<String, Object> parentDetail = new LinkedHashMap<>();
        parentDetail.put("role", "parent");
        parentDetail.put("child", Map.of("id", childId, "number", child.number()));
        parentDetail.put("messageIds", movedIds);
        Map<String, Object> created = createdDetail(child, "split from #" + parent.number());
        Map<String, Object> childDetail = new LinkedHashMap<>();
        childDetail.put("role", "child");
        childDetail.put("parent", Map.of("id", parentId, "number", parent.number()));
        childDetail.put("messageIds", movedIds);
        repository.commitAll(List.of(
                new TicketWrite(parent, remaining, List.of(), moving, List.of(event(EventTypes.SPLIT, remaining, actor, now, parentDetail))),
                new TicketWrite(null, child, moved, List.of(), List.of(event(EventTypes.TICKET_CREATED, child, actor, now, created),
                        event(EventTypes.SPLIT, child, actor, now, childDetail)))));
        return new CreateResult(new TicketThread(child, moved), false);
    }

    /** One step up, and at least high: an escalation is never routine. */
    static Priority escalatedPriority(Priority p) {
        Priority up = p == Priority.URGENT ? Priority.URGENT : Priority.values()[p.ordinal() + 1];
        return up.ordinal() < Priority.HIGH.ordinal() ? Priority.HIGH : up;
    }

    /** The audit history, oldest first. */
    /** The machine mail of a day that opened nothing (kept 30 days): so that nothing received is out of sight. */
    public com.helpdesk.core.inbound.UnthreadedInbound.Page unthreaded(String day, Integer limit, String cursor) {
        java.time.LocalDate date;
        try {
            date = day == null ? java.time.LocalDate.now(clock) : java.time.LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException("date", "must be a day such as 2026-11-23");
        }
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        return repository.unthreaded(date, size, blankToNull(cursor));
    }

    public HistoryPage history(String ticketId, Integer limit, String cursor) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_HISTORY_PAGE_SIZE) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_HISTORY_PAGE_SIZE);
        }
        HistoryPage page = repository.history(ticketId, size, blankToNull(cursor));
        if (page.entries().isEmpty() && cursor == null) throw new NotFoundException("no ticket with id " + ticketId);
        return page;
    }

    private Ticket apply(Ticket t, TicketChange c, Actor actor, Instant now, List<DomainEvent> events) {
        Ticket.Builder b = t.toBuilder();
        Status status = t.status();
        if (t.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "the ticket is closed and cannot be changed");
        }
        if (c.subject() != null) {
            String subject = c.subject().strip();
            if (!subject.equals(t.subject())) {
                b.subject(subject);
                events.add(change(EventTypes.TICKET_UPDATED, t, actor, now, "subject", t.subject(), subject));
            }
        }
        if (c.priority() != null && c.priority() != t.priority()) {
            b.priority(c.priority());
            events.add(change(EventTypes.PRIORITY_CHANGED, t, actor, now, "priority", t.priority().wire(), c.priority().wire()));
        }
        if (c.assignee() != null) {
            String assignee = c.assignee().orElse(null);
            if (!Objects.equals(assignee, t.assignee())) {
                b.assignee(assignee);
                events.add(change(EventTypes.ASSIGNED, t, actor, now, "assignee", t.assignee(), assignee));
                // Taking ownership of a new ticket means someone is working on it.
                if (assignee != null && c.status() == null && t.status() == Status.NEW) status = Status.OPEN;
            }
        }
        if (c.group() != null) {
            String group = c.group().orElse(null);
            if (!Objects.equals(group, t.group())) {
                b.group(group);
                events.add(change(EventTypes.TICKET_UPDATED, t, actor, now, "group", t.group(), group));
            }
        }
        if (c.status() != null && c.status() != t.status()) {
            StatusTransitions.check(t.status(), c.status());
            status = c.status();
        }
        if (status != t.status()) {
            b.status(status);
            if (status == Status.RESOLVED || (status == Status.CLOSED && t.resolvedAt() == null)) {
                b.resolvedAt(now).resolvedBy(actor); // CSAT is attributed to whoever resolved it
            }
            if (status == Status.OPEN || status == Status.PENDING) b.resolvedAt(null);
            events.add(change(EventTypes.STATUS_CHANGED, t, actor, now, "status", t.status().wire(), status.wire()));
        }
        SortedSet<String> tags = new TreeSet<>(t.tags());
        SortedSet<String> add = Tags.normaliseAll("addTags", c.addTags());
        SortedSet<String> remove = Tags.normaliseAll("removeTags", c.removeTags());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String tag : remove) if (tags.remove(tag)) removed.add(tag);
        for (String tag : add) if (tags.add(tag)) added.add(tag);
        if (tags.size() > Tags.MAX_PER_TICKET) {
            throw new ValidationException("addTags", "a ticket has at most " + Tags.MAX_PER_TICKET + " tags");
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            b.tags(tags);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("added", added);
            detail.put("removed", removed);
            detail.put("tags", List.copyOf(tags));
            events.add(event(EventTypes.TAGGED, t, actor, now, detail));
        }
        if (events.isEmpty()) return t;
        return b.updatedAt(now).version(t.version() + 1).build();
    }

    private void validate(TicketChange c) {
        if (c.isEmpty()) {
            throw new ValidationException("body", "names no field to change (status, priority, assignee, group, subject, addTags, removeTags)");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.subject() != null) checkSubject(c.subject(), errors);
        if (c.assignee() != null && c.assignee().isPresent()) checkAgentId("assignee", c.assignee().get(), errors);
        if (c.group() != null && c.group().isPresent()) checkGroup(c.group().get(), errors);
        collect(errors, () -> Tags.normaliseAll("addTags", c.addTags()));
        collect(errors, () -> Tags.normaliseAll("removeTags", c.removeTags()));
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private static void checkVersion(Ticket t, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != t.version()) {
            throw new VersionConflictException("the ticket has changed since version " + expectedVersion.getAsLong()
                    + "; it is now at version " + t.version(), t.version());
        }
    }

    private DomainEvent messageAdded(Ticket t, Message m, Actor actor, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("messageId", m.id());
        d.put("visibility", m.visibility().wire());
        d.put("channel", m.channel().wire());
        d.put("authorType", m.author().type().wire());
        d.put("status", t.status().wire());
        return event(EventTypes.MESSAGE_ADDED, t, actor, now, d);
    }

    private DomainEvent change(String type, Ticket t, Actor actor, Instant now, String field, Object from, Object to) {
        return change(type, t, actor, now, field, from, to, null);
    }

    /** A field change; {@code reason} says why when it was not a direct edit (an escalation, a rule, a merge). */
    private DomainEvent change(String type, Ticket t, Actor actor, Instant now, String field, Object from, Object to,
                               String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("field", field);
        d.put("from", from);
        d.put("to", to);
        if (reason != null) d.put("reason", reason);
        return event(type, t, actor, now, d);
    }

    private DomainEvent event(String type, Ticket t, Actor actor, Instant now, Map<String, Object> detail) {
        return new DomainEvent(ids.newId("evt"), type, t.id(), t.number(), now, actor, detail);
    }

    /** The data of a TicketCreated event; {@code reason} says why when it was not a direct create. */
    private static Map<String, Object> createdDetail(Ticket t, String reason) {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("subject", t.subject());
        created.put("status", t.status().wire());
        created.put("priority", t.priority().wire());
        created.put("channel", t.channel().wire());
        created.put("requester", requesterDetail(t.requester()));
        created.put("assignee", t.assignee());
        created.put("group", t.group());
        created.put("tags", List.copyOf(t.tags()));
        if (reason != null) created.put("reason", reason);
        return created;
    }

    private static Map<String, Object> requesterDetail(Requester r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", r.email());
        m.put("phone", r.phone());
        m.put("name", r.name());
        return m;
    }

    private static String checkSubject(String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s == null) {
            errors.add(new FieldError("subject", "is required"));
        } else if (s.length() > Ticket.MAX_SUBJECT) {
            errors.add(new FieldError("subject", "is longer than " + Ticket.MAX_SUBJECT + " characters"));
        }
        return s;
    }

    private static String checkBody(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (raw.length() > Message.MAX_BODY) {
            errors.add(new FieldError(field, "is longer than " + Message.MAX_BODY + " characters"));
        }
        return raw;
    }

    private static String checkAgentId(String field, String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s == null) return null;
        if (!AGENT_ID.matcher(s).matches() || TicketQuery.UNASSIGNED.equals(s)) {
            errors.add(new FieldError(field, "is not an agent id (1-128 characters, no spaces; 'none' is reserved)"));
        }
        return s;
    }

    private static void checkAgentIdOrThrow(String field, String raw) {
        List<FieldError> errors = new ArrayList<>();
        checkAgentId(field, raw, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private static String checkGroup(String raw, List<FieldError> errors) {
        String s = blankToNull(raw);
        if (s != null && s.length() > 64) errors.add(new FieldError("group", "is longer than 64 characters"));
        return s;
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Milliseconds: what a caller is answered with is exactly what the store keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
