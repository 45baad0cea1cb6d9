package com.helpdesk.core.service;

import com.helpdesk.core.DomainException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;

/** The commands on one ticket: open, change (alone or in bulk), escalate, write to its thread, close. */
public final class TicketCommands {
    /** Where escalated tickets go when the request names no group. */
    public static final String DEFAULT_ESCALATION_GROUP = "escalations";
    /** How many tickets one bulk update may name. */
    public static final int MAX_BULK = 200;

    /** The outcome of a bulk update for one ticket: its new state, or the refusal. */
    public record BulkOutcome(String reference, Ticket ticket, DomainException refusal) {}

    private final TicketRepository repository;
    private final TicketReads reads;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConflictRetry retry;

    public TicketCommands(TicketRepository repository, IdGenerator ids, Clock clock) {
        this(repository, ids, clock, ConflictRetry.commands());
    }

    public TicketCommands(TicketRepository repository, IdGenerator ids, Clock clock, ConflictRetry retry) {
        this.retry = Objects.requireNonNull(retry);
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    public CreateResult create(NewTicket cmd, Actor actor, IdempotencyKey idempotency) {
        List<FieldError> errors = new ArrayList<>();
        String subject = TicketFields.subject(cmd.subject(), errors);
        if (cmd.requester() == null) errors.add(new FieldError("requester", "is required"));
        if (cmd.channel() == null) errors.add(new FieldError("channel", "is required"));
        String body = TicketFields.body("message.body", cmd.body(), errors);
        String assignee = TicketFields.agentId("assignee", cmd.assignee(), errors);
        String group = TicketFields.group(cmd.group(), errors);
        SortedSet<String> tags = TicketFields.collect(errors, () -> Tags.normaliseAll("tags", cmd.tags()));
        if (tags != null && tags.size() > Tags.MAX_PER_TICKET) {
            errors.add(new FieldError("tags", "a ticket has at most " + Tags.MAX_PER_TICKET + " tags"));
        }
        TicketFields.throwIfAny(errors);

        Status status = cmd.status() != null ? cmd.status() : (assignee != null ? Status.OPEN : Status.NEW);
        if (status == Status.CLOSED) {
            throw new ValidationException("status", "a ticket cannot be created closed");
        }
        Instant now = StoreTime.now(clock);
        String ticketId = ids.newId("tkt");
        long number = repository.allocateNumber();
        Message first = new Message(ids.newId("msg"), ticketId, actor,
                cmd.visibility() == null ? Visibility.PUBLIC : cmd.visibility(), body, TicketFields.blankToNull(cmd.html()),
                cmd.channel(), now, cmd.attachments());
        Ticket ticket = Ticket.builder()
                .id(ticketId).number(number).subject(subject).status(status)
                .priority(cmd.priority() == null ? Priority.NORMAL : cmd.priority())
                .channel(cmd.channel()).requester(cmd.requester()).assignee(assignee).group(group).tags(tags)
                .createdAt(now).updatedAt(now).version(1)
                .resolvedAt(status == Status.RESOLVED ? now : null).resolvedBy(status == Status.RESOLVED ? actor : null)
                .lastMessageAt(now).messageCount(1)
                .build();
        EventStamp stamp = new EventStamp(ids, actor, now);
        List<DomainEvent> events = List.of(stamp.created(ticket, null), stamp.messageAdded(ticket, first));
        try {
            repository.commit(TicketWrite.create(ticket, List.of(first), events), idempotency);
            return new CreateResult(new TicketThread(ticket, List.of(first)), false);
        } catch (DuplicateRequestException dup) {
            if (idempotency != null && !Objects.equals(dup.fingerprint(), idempotency.fingerprint())) {
                throw new StateConflictException("idempotency-key-reused",
                        "this Idempotency-Key was already used for a different request");
            }
            return new CreateResult(reads.thread(dup.ticketId()), true);
        }
    }

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
        Set<String> done = new HashSet<>();
        for (String ref : references) {
            try {
                String id = reads.resolveId(ref);
                if (!done.add(id)) {
                    throw new ValidationException("ticketIds", "names this ticket more than once");
                }
                outcomes.add(new BulkOutcome(ref, update(id, change, OptionalLong.empty(), actor).ticket(), null));
            } catch (DomainException refused) {
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
        Ticket t = reads.ticket(ticketId);
        Transition closed = t.closeIfResolvedBefore(cutoff, reason, new EventStamp(ids, actor, StoreTime.now(clock)));
        if (!closed.changed()) return false;
        try {
            repository.commit(new TicketWrite(t, closed.ticket(), List.of(), closed.events()));
            return true;
        } catch (VersionConflictException raced) {
            return false; // changed since it was read: the next run looks again
        }
    }

    /** Applies a partial update. With {@code expectedVersion} a stale copy is refused; without it, races are retried. */
    public TicketThread update(String ticketId, TicketChange change, OptionalLong expectedVersion, Actor actor) {
        return update(ticketId, change, expectedVersion, actor, null);
    }

    /** As {@link #update(String, TicketChange, OptionalLong, Actor)}, each change recorded with {@code reason} (a rule's). */
    public TicketThread update(String ticketId, TicketChange change, OptionalLong expectedVersion, Actor actor, String reason) {
        validate(change);
        return retry.run(expectedVersion, () -> {
            TicketThread current = reads.thread(ticketId);
            current.ticket().requireVersion(expectedVersion);
            Transition updated = current.ticket().update(change, new EventStamp(ids, actor, StoreTime.now(clock))).because(reason);
            if (!updated.changed()) {
                return current; // nothing changed: no write, no new version
            }
            repository.commit(new TicketWrite(current.ticket(), updated.ticket(), List.of(), updated.events()));
            return new TicketThread(updated.ticket(), current.messages());
        });
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
        return retry.run(() -> {
            TicketThread current = reads.thread(ticketId);
            if (current.messages().stream().anyMatch(m -> key.equals(m.threading()) && m.author().type() == ActorType.SYSTEM)) {
                return Optional.empty();
            }
            Ticket t = current.ticket();
            if (!t.acceptsNotices()) return Optional.empty();
            Instant now = StoreTime.now(clock);
            Message notice = new Message(ids.newId("msg"), t.id(), system, Visibility.PUBLIC, body, html, t.channel(), now, List.of(),
                    key, null, null, t.channel().delivers() ? Delivery.queued(now) : null);
            Transition noticed = t.addNotice(notice, new EventStamp(ids, system, now));
            repository.commit(new TicketWrite(t, noticed.ticket(), List.of(notice), noticed.events()));
            return Optional.of(notice);
        });
    }

    /** Adds a reply or note to the thread, applying the lifecycle's event-driven moves. */
    public TicketThread addMessage(String ticketId, NewMessage cmd, OptionalLong expectedVersion, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String body = TicketFields.body("body", cmd.body(), errors);
        if (cmd.visibility() == null) errors.add(new FieldError("visibility", "is required (public or internal)"));
        TicketFields.throwIfAny(errors);
        if (cmd.visibility() == Visibility.INTERNAL && actor.type() == ActorType.CUSTOMER) {
            throw new ValidationException("visibility", "customers cannot write internal notes");
        }
        return retry.run(expectedVersion, () -> {
            TicketThread current = reads.thread(ticketId);
            Ticket t = current.ticket();
            t.requireVersion(expectedVersion);
            Instant now = StoreTime.now(clock);
            Channel channel = cmd.channel() == null ? t.channel() : cmd.channel();
            boolean outgoing = cmd.visibility() == Visibility.PUBLIC && actor.type() != ActorType.CUSTOMER && channel.delivers();
            Message message = new Message(ids.newId("msg"), t.id(), actor, cmd.visibility(), body,
                    TicketFields.blankToNull(cmd.html()), channel, now, cmd.attachments(), null, null, null,
                    outgoing ? Delivery.queued(now) : null);
            Transition added = t.addMessage(message, new EventStamp(ids, actor, now));
            repository.commit(new TicketWrite(t, added.ticket(), List.of(message), added.events()));
            List<Message> thread = new ArrayList<>(current.messages());
            thread.add(message);
            return new TicketThread(added.ticket(), thread);
        });
    }

    /**
     * Escalates: the level goes up, the priority rises one step and at least to high (docs/lifecycle.md),
     * the ticket moves to the escalation group's queue (no individual assignee), and a ticket that was
     * waiting (new, pending, resolved) is open again. One Escalated event carries the whole story; the
     * field changes are recorded too, each with the escalation as its reason.
     */
    public TicketThread escalate(String ticketId, String reason, String group, OptionalLong expectedVersion, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = TicketFields.blankToNull(reason);
        if (why == null) errors.add(new FieldError("reason", "is required"));
        else if (why.length() > 1000) errors.add(new FieldError("reason", "is longer than 1000 characters"));
        String target = group == null ? DEFAULT_ESCALATION_GROUP : TicketFields.group(group, errors);
        TicketFields.throwIfAny(errors);
        return retry.run(expectedVersion, () -> {
            TicketThread current = reads.thread(ticketId);
            Ticket t = current.ticket();
            t.requireVersion(expectedVersion);
            Transition escalated = t.escalate(why, target, new EventStamp(ids, actor, StoreTime.now(clock)));
            repository.commit(new TicketWrite(t, escalated.ticket(), List.of(), escalated.events()));
            return new TicketThread(escalated.ticket(), current.messages());
        });
    }

    private static void validate(TicketChange c) {
        if (c.isEmpty()) {
            throw new ValidationException("body", "names no field to change (status, priority, assignee, group, subject, addTags, removeTags)");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.subject() != null) TicketFields.subject(c.subject(), errors);
        if (c.assignee() != null && c.assignee().isPresent()) TicketFields.agentId("assignee", c.assignee().get(), errors);
        if (c.group() != null && c.group().isPresent()) TicketFields.group(c.group().get(), errors);
        TicketFields.collect(errors, () -> Tags.normaliseAll("addTags", c.addTags()));
        TicketFields.collect(errors, () -> Tags.normaliseAll("removeTags", c.removeTags()));
        TicketFields.throwIfAny(errors);
    }

    /**
     * Runs a change of the ticket that another use case writes (an agent's intent correction) under the commands'
     * retry of lost races: an unconditional change is attempted again, each attempt reading afresh, so a racing
     * automatic write (triage's classification) does not refuse it; a pinned one ({@code expectedVersion}) is not.
     */
    public <T> T retried(OptionalLong expectedVersion, java.util.function.Supplier<T> attempt) {
        return retry.run(expectedVersion, attempt);
    }
}
