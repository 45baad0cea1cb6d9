package com.helpdesk.core.service;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.Ticket;
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
import java.util.SortedSet;
import java.util.TreeSet;

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
            TicketCommands.checkVersion(a, expectedVersion);
            Ticket b = reads.ticket(otherId);
            if (add == a.linkedTicketIds().contains(otherId)) return current;
            if (add && (a.linkedTicketIds().size() >= Ticket.MAX_LINKS || b.linkedTicketIds().size() >= Ticket.MAX_LINKS)) {
                throw new StateConflictException("too-many-links", "a ticket has at most " + Ticket.MAX_LINKS + " links");
            }
            Instant now = StoreTime.now(clock);
            Ticket nextA = withLink(a, b.id(), add, now);
            Ticket nextB = withLink(b, a.id(), add, now);
            String type = add ? EventTypes.LINKED : EventTypes.UNLINKED;
            EventStamp stamp = new EventStamp(ids, actor, now);
            repository.commitAll(List.of(
                    new TicketWrite(a, nextA, List.of(), List.of(stamp.link(type, nextA, b))),
                    new TicketWrite(b, nextB, List.of(), List.of(stamp.link(type, nextB, a)))));
            return new TicketThread(nextA, current.messages());
        });
    }

    static Ticket withLink(Ticket t, String otherId, boolean add, Instant now) {
        SortedSet<String> links = new TreeSet<>(t.linkedTicketIds());
        if (add) links.add(otherId); else links.remove(otherId);
        return t.toBuilder().linkedTicketIds(links).updatedAt(now).version(t.version() + 1).build();
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
            TicketCommands.checkVersion(target, expectedVersion);
            if (target.status() == Status.CLOSED) {
                throw new StateConflictException("ticket-closed", "cannot merge into a closed ticket");
            }
            List<Ticket> sources = new ArrayList<>();
            for (String id : sourceIds) sources.add(mergeable(reads.ticket(id), target));
            EventStamp stamp = new EventStamp(ids, actor, StoreTime.now(clock));
            List<TicketWrite> writes = new ArrayList<>();
            writes.add(mergedTarget(target, sources, stamp));
            for (Ticket s : sources) writes.add(closedSource(s, target, stamp));
            repository.commitAll(writes);
            return reads.thread(targetId);
        });
    }

    private static Ticket mergeable(Ticket s, Ticket target) {
        if (s.mergedInto() != null) {
            throw new StateConflictException("already-merged", "#" + s.number() + " was already merged into another ticket");
        }
        if (s.mergedFrom().contains(target.id())) {
            throw new StateConflictException("merge-cycle", "#" + target.number() + " was merged into #" + s.number()
                    + "; merging back would make a cycle");
        }
        return s;
    }

    private static TicketWrite mergedTarget(Ticket target, List<Ticket> sources, EventStamp stamp) {
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
                .lastMessageAt(lastMessage).updatedAt(stamp.at()).version(target.version() + 1).build();
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", "target");
        d.put("sources", sources.stream().map(s -> Map.<String, Object>of("id", s.id(), "number", s.number())).toList());
        List<String> addedTags = tags.stream().filter(t -> !target.tags().contains(t)).toList();
        d.put("tagsAdded", addedTags);
        d.put("ccsAdded", ccs.stream().filter(c -> !target.ccs().contains(c)).toList());
        events.add(stamp.event(EventTypes.MERGED, merged, d));
        if (!addedTags.isEmpty()) {
            Map<String, Object> tagged = new LinkedHashMap<>();
            tagged.put("added", addedTags);
            tagged.put("removed", List.of());
            tagged.put("tags", List.copyOf(tags));
            tagged.put("reason", "merge");
            events.add(stamp.event(EventTypes.TAGGED, merged, tagged));
        }
        return new TicketWrite(target, merged, List.of(), events);
    }

    private static TicketWrite closedSource(Ticket s, Ticket target, EventStamp stamp) {
        Ticket closed = s.toBuilder().status(Status.CLOSED).mergedInto(target.id())
                .resolvedAt(s.resolvedAt() == null ? stamp.at() : s.resolvedAt()).updatedAt(stamp.at()).version(s.version() + 1).build();
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("role", "source");
        sd.put("target", Map.of("id", target.id(), "number", target.number()));
        events.add(stamp.event(EventTypes.MERGED, closed, sd));
        if (s.status() != Status.CLOSED) {
            events.add(stamp.change(EventTypes.STATUS_CHANGED, closed, "status", s.status().wire(), "closed",
                    "merged into #" + target.number()));
        }
        return new TicketWrite(s, closed, List.of(), events);
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
        TicketCommands.checkVersion(parent, expectedVersion);
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
        SortedSet<String> children = new TreeSet<>(parent.childIds());
        children.add(childId);
        Ticket remaining = parent.toBuilder().childIds(children).messageCount(parent.messageCount() - moved.size())
                .lastMessageAt(staying.get(staying.size() - 1).createdAt()).updatedAt(now).version(parent.version() + 1).build();

        List<String> movedIds = moved.stream().map(Message::id).toList();
        Map<String, Object> parentDetail = new LinkedHashMap<>();
        parentDetail.put("role", "parent");
        parentDetail.put("child", Map.of("id", childId, "number", child.number()));
        parentDetail.put("messageIds", movedIds);
        Map<String, Object> childDetail = new LinkedHashMap<>();
        childDetail.put("role", "child");
        childDetail.put("parent", Map.of("id", parent.id(), "number", parent.number()));
        childDetail.put("messageIds", movedIds);
        repository.commitAll(List.of(
                new TicketWrite(parent, remaining, List.of(), moving, List.of(stamp.event(EventTypes.SPLIT, remaining, parentDetail))),
                new TicketWrite(null, child, moved, List.of(), List.of(stamp.created(child, "split from #" + parent.number()),
                        stamp.event(EventTypes.SPLIT, child, childDetail)))));
        return new CreateResult(new TicketThread(child, moved), false);
    }
}
