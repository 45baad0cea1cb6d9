package com.helpdesk.core.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A ticket's current state, without its thread. Immutable: changes produce a new value through
 * {@link #toBuilder()}. {@code version} counts committed writes and guards every update.
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
        String conversation) {

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

        public Ticket build() {
            return new Ticket(id, number, subject, status, priority, channel, requester, assignee, group,
                    List.copyOf(tags), createdAt, updatedAt, version, firstResponseAt, resolvedAt, lastMessageAt,
                    messageCount, escalationLevel, ccs, linkedTicketIds, mergedInto, mergedFrom, parentId, childIds,
                    resolvedBy, csat, conversation);
        }
    }
}
