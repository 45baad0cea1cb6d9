package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rules of a classification (core/triage): a new intent is one new version of the ticket, which carries the
 * intent's automatic tag and loses any other intent tag (tags outside {@link #TAG_PREFIX} are the agents' own and
 * stay). The intent and its tag are never visible apart: an agent who read the ticket after its classification holds
 * a version that a PATCH with If-Match still matches. An intent without a name (low confidence) tags nothing but is
 * still a new version, since the ticket's representation (its intent) changed.
 */
final class IntentTagging {
    /** The namespace of intent tags: {@code intent:wismo}. */
    static final String TAG_PREFIX = "intent:";

    private IntentTagging() {}

    /** Whether a classification with {@code intentTag} would leave the ticket's tags as they are. */
    static boolean tagged(Ticket t, String intentTag) {
        boolean otherIntentTag = t.tags().stream().anyMatch(tag -> tag.startsWith(TAG_PREFIX) && !tag.equals(intentTag));
        return !otherIntentTag && (intentTag == null || t.tags().contains(intentTag) || t.tags().size() >= Tags.MAX_PER_TICKET);
    }

    /**
     * @param intentTag the intent's tag, or null when it has none (suggestions only)
     * @param intent    the intent as its IntentClassified event describes it
     */
    static Transition classified(Ticket t, String intentTag, Map<String, Object> intent, EventStamp s) {
        if (t.status() == Status.CLOSED) {
            throw new StateConflictException("ticket-closed", "the ticket is closed and cannot be changed");
        }
        SortedSet<String> tags = new TreeSet<>(t.tags());
        List<String> removed = t.tags().stream().filter(tag -> tag.startsWith(TAG_PREFIX) && !tag.equals(intentTag)).toList();
        removed.forEach(tags::remove);
        List<String> added = new ArrayList<>();
        // like an inbound message's tags, the intent's joins while the ticket has room (the intent itself is kept)
        if (intentTag != null && !tags.contains(intentTag) && tags.size() < Tags.MAX_PER_TICKET) {
            tags.add(intentTag);
            added.add(intentTag);
        }
        Ticket.Builder b = t.revise();
        List<DomainEvent> events = new ArrayList<>();
        events.add(s.event(EventTypes.INTENT_CLASSIFIED, t, intent));
        if (!added.isEmpty() || !removed.isEmpty()) {
            b.tags(tags).updatedAt(s.at());
            events.add(Tags.tagged(s, t, added, removed, tags, "intent"));
        }
        return new Transition(b.build(), events);
    }
}
