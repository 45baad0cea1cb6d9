package com.helpdesk.core.service;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/** How tickets relate: links between related tickets, merging duplicates, splitting a thread in two. */
public final class TicketRelations {
    /** How many tickets one merge may fold in (all of it is one atomic write). */
    public static final int MAX_MERGE_SOURCES = 5;
    /** How many messages one split may move (each is a delete and a put in one atomic write). */
    public static final int MAX_SPLIT_MESSAGES = 20;

    private final TicketRepository repository;
    private final TicketReads reads;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConflictRetry retry = ConflictRetry.commands();

    public TicketRelations(TicketRepository repository, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
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
        String otherId = reads.resolveId(otherRef);
        if (otherId.equals(ticketId)) throw new ValidationException("ticketId", "a ticket cannot be linked to itself");
        // a race on either ticket: read again; If-Match is re-checked against the fresh copy
        return retry.run(() -> {
            TicketThread current = reads.thread(ticketId);
            Ticket a = current.ticket();
            a.requireVersion(expectedVersion);
            Ticket b = reads.ticket(otherId);
            EventStamp stamp = new EventStamp(ids, actor, StoreTime.now(clock));
            Transition nextA = add ? a.link(b, stamp) : a.unlink(b, stamp);
            if (!nextA.changed()) return current;
            Transition nextB = add ? b.link(a, stamp) : b.unlink(a, stamp);
            repository.commitAll(List.of(
                    new TicketWrite(a, nextA.ticket(), List.of(), nextA.events()),
                    new TicketWrite(b, nextB.ticket(), List.of(), nextB.events())));
            return new TicketThread(nextA.ticket(), current.messages());
        });
    }

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
            String id = reads.resolveId(ref);
            if (id.equals(targetId)) throw new StateConflictException("merge-into-itself", "a ticket cannot be merged into itself");
            if (!sourceIds.contains(id)) sourceIds.add(id);
        }
        // a race on any of the tickets: read again; If-Match is re-checked against the fresh copy
        return retry.run(() -> {
            Ticket target = reads.ticket(targetId);
            target.requireVersion(expectedVersion);
            List<Ticket> sources = new ArrayList<>();
            for (String id : sourceIds) sources.add(reads.ticket(id));
            EventStamp stamp = new EventStamp(ids, actor, StoreTime.now(clock));
            Transition merged = target.mergeIn(sources, stamp);
            List<TicketWrite> writes = new ArrayList<>();
            writes.add(new TicketWrite(target, merged.ticket(), List.of(), merged.events()));
            for (Ticket source : sources) {
                Transition closed = source.mergeInto(target, stamp);
                writes.add(new TicketWrite(source, closed.ticket(), List.of(), closed.events()));
            }
            repository.commitAll(writes);
            return reads.thread(targetId);
        });
    }

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
        String childSubject = subject == null ? null : TicketFields.subject(subject, errors);
        TicketFields.throwIfAny(errors);
        TicketThread current = reads.thread(parentId);
        Ticket parent = current.ticket();
        parent.requireVersion(expectedVersion);
        if (parent.status() == Status.CLOSED) throw new StateConflictException("ticket-closed", "a closed ticket cannot be split");
        Set<String> wanted = new LinkedHashSet<>(messageIds);
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
        return splitOff(parent, moving, staying, childSubject, new EventStamp(ids, actor, StoreTime.now(clock)));
    }

    private CreateResult splitOff(Ticket parent, List<Message> moving, List<Message> staying, String childSubject, EventStamp stamp) {
        Instant now = stamp.at();
        String childId = ids.newId("tkt");
        List<Message> moved = moving.stream().map(m -> new Message(m.id(), childId, m.author(), m.visibility(), m.body(), m.html(),
                m.channel(), m.createdAt(), m.attachments(), m.threading(), m.externalId(), m.original(), m.delivery())).toList();
        Instant firstResponse = moved.stream().filter(m -> m.isPublic() && (m.author().type() == ActorType.AGENT
                || m.author().type() == ActorType.AI)).map(Message::createdAt).min(Instant::compareTo).orElse(null);
        Ticket child = Ticket.builder().id(childId).number(repository.allocateNumber())
                .subject(childSubject != null ? childSubject : parent.subject())
                .status(parent.status() == Status.NEW ? Status.NEW : Status.OPEN)
                .priority(parent.priority()).channel(parent.channel()).requester(parent.requester()).ccs(parent.ccs())
                .assignee(parent.assignee()).group(parent.group()).tags(parent.tags()).parentId(parent.id())
                .createdAt(now).updatedAt(now).version(1).firstResponseAt(firstResponse)
                .lastMessageAt(moved.get(moved.size() - 1).createdAt()).messageCount(moved.size()).build();
        Transition remaining = parent.splitOff(child, moved, staying.get(staying.size() - 1).createdAt(), stamp);
        Map<String, Object> childDetail = new LinkedHashMap<>();
        childDetail.put("role", "child");
        childDetail.put("parent", Map.of("id", parent.id(), "number", parent.number()));
        childDetail.put("messageIds", moved.stream().map(Message::id).toList());
        repository.commitAll(List.of(
                new TicketWrite(parent, remaining.ticket(), List.of(), moving, remaining.events()),
                new TicketWrite(null, child, moved, List.of(), List.of(stamp.created(child, "split from #" + parent.number()),
                        stamp.event(EventTypes.SPLIT, child, childDetail)))));
        return new CreateResult(new TicketThread(child, moved), false);
    }
}
