package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rules of a merge (reached through {@link Ticket#mergeIn} and {@link Ticket#mergeInto}): the
 * sources' messages join the target's thread, their requesters become its CCs, their tags are united,
 * and each source closes with a pointer to the target. Merges never form a cycle.
 */
final class Merging {
    private Merging() {}

    static Transition target(Ticket target, List<Ticket> sources, EventStamp s) {
        if (target.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "cannot merge into a closed ticket");
        }
        sources.forEach(source -> requireMergeable(source, target));
        SortedSet<String> tags = new TreeSet<>(target.tags());
        SortedSet<String> ccs = new TreeSet<>(target.ccs());
        int messages = target.messageCount();
        Instant lastMessage = target.lastMessageAt();
        for (Ticket source : sources) {
            tags.addAll(source.tags());
            ccs.addAll(source.identities());
            messages += source.messageCount();
            Instant last = source.lastMessageAt();
            if (last != null && (lastMessage == null || last.isAfter(lastMessage))) lastMessage = last;
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
        sources.forEach(source -> mergedFrom.add(source.id()));
        Ticket merged = target.revise().tags(tags).ccs(ccs).mergedFrom(mergedFrom).messageCount(messages)
                .lastMessageAt(lastMessage).updatedAt(s.at()).build();
        return new Transition(merged, targetEvents(target, merged, sources, s));
    }

    private static void requireMergeable(Ticket source, Ticket target) {
        if (source.mergedInto() != null) {
            throw new StateConflictException("already-merged", "#" + source.number() + " was already merged into another ticket");
        }
        if (source.mergedFrom().contains(target.id())) {
            throw new StateConflictException("merge-cycle", "#" + target.number() + " was merged into #" + source.number()
                    + "; merging back would make a cycle");
        }
    }

    private static List<DomainEvent> targetEvents(Ticket before, Ticket merged, List<Ticket> sources, EventStamp s) {
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", "target");
        d.put("sources", sources.stream().map(x -> Map.<String, Object>of("id", x.id(), "number", x.number())).toList());
        List<String> addedTags = merged.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        d.put("tagsAdded", addedTags);
        d.put("ccsAdded", merged.ccs().stream().filter(c -> !before.ccs().contains(c)).toList());
        events.add(s.event(EventTypes.MERGED, merged, d));
        if (!addedTags.isEmpty()) {
            events.add(Tags.tagged(s, merged, addedTags, List.of(), merged.tags(), "merge"));
        }
        return events;
    }

    static Transition source(Ticket source, Ticket target, EventStamp s) {
        requireMergeable(source, target);
        Ticket closed = source.revise().status(Status.CLOSED).mergedInto(target.id())
                .resolvedAt(source.resolvedAt() == null ? s.at() : source.resolvedAt()).updatedAt(s.at()).build();
        List<DomainEvent> events = new ArrayList<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", "source");
        d.put("target", Map.of("id", target.id(), "number", target.number()));
        events.add(s.event(EventTypes.MERGED, closed, d));
        if (source.status() != Status.CLOSED) {
            events.add(s.change(EventTypes.STATUS_CHANGED, closed, "status", source.status().wire(), "closed",
                    "merged into #" + target.number()));
        }
        return new Transition(closed, events);
    }
}
