package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A ticket's current state, without its thread. Immutable: its transitions (a message, an update, an
 * escalation, a link, a merge, a delivery report...) answer the next version with the events that
 * describe it, so each lifecycle rule lives here once. {@code version} counts committed writes and
 * guards every update. The builder makes new tickets and lets stores read them back.
 */
public record Ticket(
        String id,
        long number,
        String subject,
        Status status,
        Priority priority,
        Channel channel,
        Requester requester,
        String assignee,
        String group,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant lastMessageAt,
        int messageCount,
        int escalationLevel,
        List<String> ccs,
        List<String> linkedTicketIds,
        String mergedInto,
        List<String> mergedFrom,
        String parentId,
        List<String> childIds,
        Actor resolvedBy,
        Csat csat,
        String conversation,
        List<String> recipients) {

    public static final int MAX_SUBJECT = 250;

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? List.of() : List.copyOf(new TreeSet<>(tags));
        ccs = ccs == null ? List.of() : List.copyOf(new TreeSet<>(ccs));
        linkedTicketIds = linkedTicketIds == null ? List.of() : List.copyOf(new TreeSet<>(linkedTicketIds));
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(new TreeSet<>(mergedFrom));
        childIds = childIds == null ? List.of() : List.copyOf(new TreeSet<>(childIds));
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public static final int MAX_LINKS = 50;
    public static final int MAX_CCS = 20;

    /**
     * Every identity (email or phone) this ticket is about: the requester's and the CCs'. Queue views by
     * requester and threading by sender find the ticket through any of them.
     */
    public List<String> identities() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(requester.identities());
        all.addAll(ccs);
        return List.copyOf(all);
    }

    /** Tags of AI outcomes: a deflection counts while the ticket stays resolved by the AI. */
    public static final String AI_DEFLECTED = "ai-deflected";
    public static final String AI_HANDOFF = "ai-handoff";
    /** The namespace of the tags a classification writes (and replaces when the intent changes). */
    public static final String INTENT_TAG_PREFIX = IntentTagging.TAG_PREFIX;

    /** Refuses a caller that pinned another version (If-Match) than the one stored. */
    public void requireVersion(OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != version) {
            throw VersionConflictException.pinned("the ticket has changed since version " + expected.getAsLong()
                    + "; it is now at version " + version, version);
        }
    }

    /** The next version's builder: every transition writes exactly one new version. */
    Builder revise() {
        return toBuilder().version(version + 1);
    }

    /** A partial update by an agent (see {@link TicketEdit}). Closed tickets cannot be changed. */
    public Transition update(TicketChange change, EventStamp s) {
        return TicketEdit.apply(this, change, s);
    }

    /**
     * A reply or note written in place (the API): a customer's message reopens a pending or resolved
     * ticket, the team's public reply takes a new one to open and is its first response, a note moves nothing.
     */
    public Transition addMessage(Message m, EventStamp s) {
        Status next;
        if (!m.isPublic()) next = StatusTransitions.afterInternalNote(status);
        else if (m.author().type() == ActorType.CUSTOMER) next = StatusTransitions.afterCustomerMessage(status);
        else next = StatusTransitions.afterTeamReply(status);
        return withMessage(m, next, null, s);
    }

    /**
     * A customer's message that came in through a channel: it reopens the ticket like any customer
     * message, except an auto-reply, which joins without reopening; its tags join while the ticket has room.
     */
    public Transition receive(Message m, boolean autoReply, Collection<String> inboundTags, EventStamp s) {
        Status reopened = StatusTransitions.afterCustomerMessage(status); // refuses a closed ticket, even an auto-reply
        Status next = autoReply ? status : reopened;
        Transition added = withMessage(m, next, "customer wrote", s);
        List<String> before = added.ticket().tags(); // an AI handoff may have retagged it already
        SortedSet<String> more = new TreeSet<>(before);
        more.addAll(inboundTags);
        if (more.size() > Tags.MAX_PER_TICKET || more.equals(new TreeSet<>(before))) return added;
        Ticket tagged = added.ticket().toBuilder().tags(more).build(); // same version: one write
        List<DomainEvent> events = new ArrayList<>(added.events());
        events.add(s.change(EventTypes.TAGGED, tagged, "tags", List.copyOf(before), List.copyOf(tagged.tags()), "inbound message"));
        return new Transition(tagged, events);
    }

    private Transition withMessage(Message m, Status next, String reason, EventStamp s) {
        Builder b = revise().updatedAt(s.at()).lastMessageAt(s.at()).messageCount(messageCount + 1).status(next);
        boolean teamAnswer = m.isPublic() && (m.author().type() == ActorType.AGENT || m.author().type() == ActorType.AI);
        if (teamAnswer && firstResponseAt == null) b.firstResponseAt(s.at());
        if (next != status && status == Status.RESOLVED) b.resolvedAt(null);
        Ticket after = b.build();
        List<DomainEvent> events = new ArrayList<>();
        events.add(s.messageAdded(after, m));
        if (next != status) events.add(s.change(EventTypes.STATUS_CHANGED, after, "status", status.wire(), next.wire(), reason));
        if (next != status && status == Status.RESOLVED && aiDeflected() && m.author().type() == ActorType.CUSTOMER) {
            return AiAnswerRules.handedOff(after, events, s);
        }
        return new Transition(after, events);
    }

    /** Whether the system may still write to the customer on this ticket. */
    public boolean acceptsNotices() {
        return status != Status.CLOSED;
    }

    /**
     * A notice of the system to the customer: it changes nothing the team works by, so no status, no
     * first response, and updatedAt and lastMessageAt (queues, auto-close) stay.
     */
    public Transition addNotice(Message notice, EventStamp s) {
        if (!acceptsNotices()) throw new StateConflictException("ticket-closed", "the ticket is closed and accepts no more messages");
        Ticket after = revise().messageCount(messageCount + 1).build();
        return new Transition(after, List.of(s.messageAdded(after, notice)));
    }

    /**
     * Escalates: the level goes up, the priority rises one step and at least to high (docs/lifecycle.md),
     * the ticket moves to {@code group}'s queue (no individual assignee), and a ticket that was waiting
     * (new, pending, resolved) is open again. One Escalated event tells the whole story; each field
     * change is recorded too, with the escalation as its reason.
     */
    public Transition escalate(String reason, String group, EventStamp s) {
        return Escalation.apply(this, reason, group, s);
    }

    /** One step up, and at least high: an escalation is never routine. */
    public static Priority escalatedPriority(Priority p) {
        Priority up = p == Priority.URGENT ? Priority.URGENT : Priority.values()[p.ordinal() + 1];
        return up.ordinal() < Priority.HIGH.ordinal() ? Priority.HIGH : up;
    }

    /**
     * Records a link to a related ticket (each side records its own). Links are annotations, so closed
     * tickets accept them; linking what is already linked changes nothing.
     */
    public Transition link(Ticket other, EventStamp s) {
        if (linkedTicketIds.contains(other.id())) return Transition.none(this);
        if (linkedTicketIds.size() >= MAX_LINKS) {
            throw new StateConflictException("too-many-links", "a ticket has at most " + MAX_LINKS + " links");
        }
        return relinked(other, true, EventTypes.LINKED, s);
    }

    public Transition unlink(Ticket other, EventStamp s) {
        if (!linkedTicketIds.contains(other.id())) return Transition.none(this);
        return relinked(other, false, EventTypes.UNLINKED, s);
    }

    /** A closed ticket points to the follow-up its conversation continues on (whatever its link count). */
    public Transition followedUpBy(Ticket followUp, EventStamp s) {
        return relinked(followUp, true, EventTypes.LINKED, s);
    }

    private Transition relinked(Ticket other, boolean add, String type, EventStamp s) {
        SortedSet<String> links = new TreeSet<>(linkedTicketIds);
        if (add) links.add(other.id()); else links.remove(other.id());
        Ticket after = revise().linkedTicketIds(links).updatedAt(s.at()).build();
        return new Transition(after, List.of(s.link(type, after, other)));
    }

    /** Folds {@code sources} into this ticket (see {@link Merging}); each source then closes with {@link #mergeInto}. */
    public Transition mergeIn(List<Ticket> sources, EventStamp s) {
        return Merging.target(this, sources, s);
    }

    /** Closes this ticket as merged into {@code target}: threading follows the pointer from now on. */
    public Transition mergeInto(Ticket target, EventStamp s) {
        return Merging.source(this, target, s);
    }

    /**
     * Hands {@code moved} (messages of this ticket) to a new child ticket: this ticket lists the child
     * and keeps the rest of its thread, whose last message is at {@code lastStaying}.
     */
    public Transition splitOff(Ticket child, List<Message> moved, Instant lastStaying, EventStamp s) {
        if (status == Status.CLOSED) throw new StateConflictException("ticket-closed", "a closed ticket cannot be split");
        SortedSet<String> children = new TreeSet<>(childIds);
        children.add(child.id());
        Ticket after = revise().childIds(children).messageCount(messageCount - moved.size()).lastMessageAt(lastStaying)
                .updatedAt(s.at()).build();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", "parent");
        d.put("child", Map.of("id", child.id(), "number", child.number()));
        d.put("messageIds", moved.stream().map(Message::id).toList());
        return new Transition(after, List.of(s.event(EventTypes.SPLIT, after, d)));
    }

    /** Closes a ticket still resolved since before {@code cutoff}; any other ticket stays as it is. */
    public Transition closeIfResolvedBefore(Instant cutoff, String reason, EventStamp s) {
        if (status != Status.RESOLVED || resolvedAt == null || !resolvedAt.isBefore(cutoff)) return Transition.none(this);
        Ticket after = revise().status(Status.CLOSED).updatedAt(s.at()).build();
        return new Transition(after, List.of(s.change(EventTypes.STATUS_CHANGED, after, "status", "resolved", "closed", reason)));
    }

    /**
     * News about a reply's delivery (claimed, sent, delivered, read, failed, queued again): a new
     * version guards it, but it is no ticket activity (updatedAt stays). Only outcomes make events.
     */
    public Transition recordDelivery(Message reply, Delivery next, EventStamp s) {
        Ticket after = revise().build();
        boolean outcome = next.status() != DeliveryStatus.SENDING && next.status() != DeliveryStatus.QUEUED;
        return new Transition(after, outcome ? List.of(s.deliveryUpdated(after, reply, next)) : List.of());
    }

    /**
     * A delivery report (a bounce) about {@code reply}: the team's note joins the thread without moving
     * the status; {@code failed} (null when the reply cannot fail any more) is recorded on the reply.
     */
    public Transition recordBounce(Message note, Message reply, Delivery failed, EventStamp s) {
        Ticket after = revise().updatedAt(s.at()).messageCount(messageCount + 1).build();
        List<DomainEvent> events = new ArrayList<>();
        events.add(s.messageAdded(after, note));
        if (failed != null) events.add(s.deliveryUpdated(after, reply, failed));
        return new Transition(after, events);
    }

    /**
     * The customer's rating of the current resolution, attributed to whoever resolved it; a second
     * rating of the same resolution replaces the first (the event names the one it replaces).
     */
    public Transition rate(int rating, String comment, EventStamp s) {
        Ticket after = revise().csat(new Csat(rating, comment, resolvedAt, resolvedBy, s.at())).updatedAt(s.at()).build();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rating", rating);
        d.put("comment", comment);
        d.put("resolvedAt", resolvedAt.toString());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("type", resolvedBy == null ? null : resolvedBy.type().wire());
        by.put("id", resolvedBy == null ? null : resolvedBy.id());
        d.put("resolvedBy", by);
        d.put("previousRating", csat != null && csat.resolvedAt().equals(resolvedAt) ? csat.rating() : null);
        return new Transition(after, List.of(s.event(EventTypes.CSAT_RECEIVED, this, d)));
    }

    /** Whether the AI resolved this conversation and the deflection still counts. */
    public boolean aiDeflected() {
        return tags.contains(AI_DEFLECTED);
    }

    /**
     * The AI answers the customer and resolves the ticket in one write (see {@link AiAnswerRules}): the reply goes out
     * through the ticket's channel like an agent's, and the ticket is tagged as deflected.
     */
    public Transition answerByAi(Message reply, String reason, EventStamp s) {
        return AiAnswerRules.answered(this, reply, reason, s);
    }

    /** Whether the ticket's tags already are what a classification with {@code intentTag} makes them (see {@link IntentTagging}). */
    public boolean taggedAs(String intentTag) {
        return IntentTagging.tagged(this, intentTag);
    }

    /** A new intent and its automatic tag, in one version (see {@link IntentTagging}). */
    public Transition classify(String intentTag, Map<String, Object> intent, EventStamp s) {
        return IntentTagging.classified(this, intentTag, intent, s);
    }

    /** See {@link AiConversationRules}: the AI's new transcript turns, and whether the humans take over. */
    public Transition continueAiConversation(List<Message> added, boolean handoff, Collection<String> intentTags, Actor customer,
                                             EventStamp s) {
        return AiConversationRules.continued(this, added, handoff, intentTags, customer, s);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id;
        private long number;
        private String subject;
        private Status status = Status.NEW;
        private Priority priority = Priority.NORMAL;
        private Channel channel;
        private Requester requester;
        private String assignee;
        private String group;
        private SortedSet<String> tags = new TreeSet<>();
        private Instant createdAt;
        private Instant updatedAt;
        private long version;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private Instant lastMessageAt;
        private int messageCount;
        private int escalationLevel;
        private List<String> ccs = List.of();
        private List<String> linkedTicketIds = List.of();
        private String mergedInto;
        private List<String> mergedFrom = List.of();
        private String parentId;
        private List<String> childIds = List.of();
        private Actor resolvedBy;
        private Csat csat;
        private String conversation;
        private List<String> recipients = List.of();

        private Builder() {}

        private Builder(Ticket t) {
            id = t.id; number = t.number; subject = t.subject; status = t.status; priority = t.priority;
            channel = t.channel; requester = t.requester; assignee = t.assignee; group = t.group;
            tags = new TreeSet<>(t.tags); createdAt = t.createdAt; updatedAt = t.updatedAt; version = t.version;
            firstResponseAt = t.firstResponseAt; resolvedAt = t.resolvedAt; lastMessageAt = t.lastMessageAt;
            messageCount = t.messageCount;
            escalationLevel = t.escalationLevel;
            ccs = t.ccs; linkedTicketIds = t.linkedTicketIds; mergedInto = t.mergedInto; mergedFrom = t.mergedFrom;
            parentId = t.parentId; childIds = t.childIds; resolvedBy = t.resolvedBy; csat = t.csat;
            conversation = t.conversation;
            recipients = t.recipients;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder number(long v) { number = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder status(Status v) { status = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder channel(Channel v) { channel = v; return this; }
        public Builder requester(Requester v) { requester = v; return this; }
        public Builder assignee(String v) { assignee = v; return this; }
        public Builder group(String v) { group = v; return this; }
        public Builder tags(java.util.Collection<String> v) { tags = new TreeSet<>(v); return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder firstResponseAt(Instant v) { firstResponseAt = v; return this; }
        public Builder resolvedAt(Instant v) { resolvedAt = v; return this; }
        public Builder lastMessageAt(Instant v) { lastMessageAt = v; return this; }
        public Builder messageCount(int v) { messageCount = v; return this; }
        public Builder escalationLevel(int v) { escalationLevel = v; return this; }
        public Builder ccs(java.util.Collection<String> v) { ccs = List.copyOf(v); return this; }
        public Builder linkedTicketIds(java.util.Collection<String> v) { linkedTicketIds = List.copyOf(v); return this; }
        public Builder mergedInto(String v) { mergedInto = v; return this; }
        public Builder mergedFrom(java.util.Collection<String> v) { mergedFrom = List.copyOf(v); return this; }
        public Builder parentId(String v) { parentId = v; return this; }
        public Builder childIds(java.util.Collection<String> v) { childIds = List.copyOf(v); return this; }
        public Builder resolvedBy(Actor v) { resolvedBy = v; return this; }
        public Builder csat(Csat v) { csat = v; return this; }
        /** The chat conversation replies go to: its thread key ("chat:&lt;channel&gt;:conv:&lt;conversation&gt;"). */
        public Builder conversation(String v) { conversation = v; return this; }
        /** The support addresses the ticket's first mail was delivered to: they say which store it belongs to. */
        public Builder recipients(java.util.Collection<String> v) { recipients = v == null ? List.of() : List.copyOf(v); return this; }

        public Ticket build() {
            return new Ticket(id, number, subject, status, priority, channel, requester, assignee, group,
                    List.copyOf(tags), createdAt, updatedAt, version, firstResponseAt, resolvedAt, lastMessageAt,
                    messageCount, escalationLevel, ccs, linkedTicketIds, mergedInto, mergedFrom, parentId, childIds,
                    resolvedBy, csat, conversation, recipients);
        }
    }
}
