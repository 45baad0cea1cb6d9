package com.helpdesk.store;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.runtime.PlainJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between domain values and table items. Attribute names are camelCase; absent values are omitted. */
final class ItemMapper {
    static final String TYPE_TICKET = "Ticket";
    static final String TYPE_INDEX_ENTRY = "TicketIndexEntry";
    static final String TYPE_MESSAGE = "Message";
    static final String TYPE_OUTBOX = "OutboxEvent";
    static final String TYPE_HISTORY = "HistoryEntry";
    static final long OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

    private ItemMapper() {}

    /** The ticket's summary attributes: shared by the ticket item and its index entries. */
    static Map<String, AttributeValue> summary(Ticket t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(t.id()));
        m.put("number", n(t.number()));
        m.put("subject", s(t.subject()));
        m.put("status", s(t.status().wire()));
        m.put("priority", s(t.priority().wire()));
        m.put("channel", s(t.channel().wire()));
        m.put("requester", requester(t.requester()));
        put(m, "assignee", t.assignee());
        put(m, "group", t.group());
        list(m, "tags", t.tags());
        m.put("createdAt", s(Keys.time(t.createdAt())));
        m.put("updatedAt", s(Keys.time(t.updatedAt())));
        m.put("version", n(t.version()));
        put(m, "firstResponseAt", Keys.time(t.firstResponseAt()));
        put(m, "resolvedAt", Keys.time(t.resolvedAt()));
        put(m, "lastMessageAt", Keys.time(t.lastMessageAt()));
        m.put("messageCount", n(t.messageCount()));
        if (t.escalationLevel() != 0) m.put("escalationLevel", n(t.escalationLevel()));
        list(m, "ccs", t.ccs());
        list(m, "linkedTicketIds", t.linkedTicketIds());
        put(m, "mergedInto", t.mergedInto());
        list(m, "mergedFrom", t.mergedFrom());
        put(m, "parentId", t.parentId());
        if (t.resolvedBy() != null) m.put("resolvedBy", actor(t.resolvedBy()));
        if (t.csat() != null) {
            Map<String, AttributeValue> c = new HashMap<>();
            c.put("rating", n(t.csat().rating()));
            put(c, "comment", t.csat().comment());
            c.put("resolvedAt", s(Keys.time(t.csat().resolvedAt())));
            if (t.csat().resolvedBy() != null) c.put("resolvedBy", actor(t.csat().resolvedBy()));
            c.put("respondedAt", s(Keys.time(t.csat().respondedAt())));
            m.put("csat", AttributeValue.fromM(c));
        }
        list(m, "childIds", t.childIds());
        return m;
    }

    static Map<String, AttributeValue> ticketItem(Ticket t) {
        Map<String, AttributeValue> m = summary(t);
        put(m, "conversation", t.conversation());
        list(m, "recipients", t.recipients());
        String sort = Keys.queueSort(t.updatedAt(), t.id());
        int shard = Keys.shard(t.id());
        m.put("PK", s(Keys.ticketPk(t.id())));
        m.put("SK", s(Keys.TICKET_SK));
        m.put("type", s(TYPE_TICKET));
        m.put("GSI1PK", s(Keys.statusPartition(t.status().wire(), shard)));
        m.put("GSI1SK", s(sort));
        m.put("GSI2PK", s(Keys.assigneePartition(t.assignee() == null ? TicketQuery.UNASSIGNED : t.assignee(), t.status().wire())));
        m.put("GSI2SK", s(sort));
        m.put("GSI3PK", s(Keys.allPartition(shard)));
        m.put("GSI3SK", s(sort));
        return m;
    }

    /** A copy of the summary under the ticket, indexed by one multi-valued attribute (a tag, a requester identity). */
    static Map<String, AttributeValue> indexEntry(Ticket t, String sk, String partition) {
        Map<String, AttributeValue> m = summary(t);
        m.put("PK", s(Keys.ticketPk(t.id())));
        m.put("SK", s(sk));
        m.put("type", s(TYPE_INDEX_ENTRY));
        m.put("GSI1PK", s(partition));
        m.put("GSI1SK", s(Keys.queueSort(t.updatedAt(), t.id())));
        return m;
    }

    static Ticket ticket(Map<String, AttributeValue> m) {
        return Ticket.builder()
                .id(str(m, "id"))
                .number(Long.parseLong(m.get("number").n()))
                .subject(str(m, "subject"))
                .status(Status.parse("status", str(m, "status")))
                .priority(Priority.parse("priority", str(m, "priority")))
                .channel(Channel.parse("channel", str(m, "channel")))
                .requester(requester(m.get("requester")))
                .assignee(str(m, "assignee"))
                .group(str(m, "group"))
                .tags(m.containsKey("tags") ? m.get("tags").l().stream().map(AttributeValue::s).toList() : List.of())
                .createdAt(instant(m, "createdAt"))
                .updatedAt(instant(m, "updatedAt"))
                .version(Long.parseLong(m.get("version").n()))
                .firstResponseAt(instant(m, "firstResponseAt"))
                .resolvedAt(instant(m, "resolvedAt"))
                .lastMessageAt(instant(m, "lastMessageAt"))
                .messageCount(m.containsKey("messageCount") ? Integer.parseInt(m.get("messageCount").n()) : 0)
                .escalationLevel(m.containsKey("escalationLevel") ? Integer.parseInt(m.get("escalationLevel").n()) : 0)
                .ccs(strings(m, "ccs"))
                .linkedTicketIds(strings(m, "linkedTicketIds"))
                .mergedInto(str(m, "mergedInto"))
                .mergedFrom(strings(m, "mergedFrom"))
                .parentId(str(m, "parentId"))
                .childIds(strings(m, "childIds"))
                .resolvedBy(m.containsKey("resolvedBy") ? actor(m.get("resolvedBy")) : null)
                .csat(m.containsKey("csat") ? csat(m.get("csat").m()) : null)
                .conversation(str(m, "conversation"))
                .recipients(strings(m, "recipients"))
                .build();
    }

    static Map<String, AttributeValue> messageItem(Message msg) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", s(Keys.ticketPk(msg.ticketId())));
        m.put("SK", s(Keys.messageSk(msg.createdAt(), msg.id())));
        m.put("type", s(TYPE_MESSAGE));
        m.put("id", s(msg.id()));
        m.put("ticketId", s(msg.ticketId()));
        m.put("author", actor(msg.author()));
        m.put("visibility", s(msg.visibility().wire()));
        MessageText.put(m, msg.body(), msg.html());
        m.put("channel", s(msg.channel().wire()));
        m.put("createdAt", s(Keys.time(msg.createdAt())));
        put(m, "threading", msg.threading());
        put(m, "externalId", msg.externalId());
        List<AttributeValue> attachments = new ArrayList<>();
        for (Attachment a : msg.attachments()) attachments.add(attachment(a));
        if (!attachments.isEmpty()) m.put("attachments", AttributeValue.fromL(attachments));
        if (msg.original() != null) m.put("original", attachment(msg.original()));
        if (msg.delivery() != null) {
            Delivery d = msg.delivery();
            Map<String, AttributeValue> dm = new HashMap<>();
            dm.put("status", s(d.status().wire()));
            dm.put("at", s(Keys.time(d.at())));
            put(dm, "providerId", d.providerId());
            put(dm, "detail", d.detail());
            dm.put("attempts", n(d.attempts()));
            m.put("delivery", AttributeValue.fromM(dm));
        }
        return m;
    }

    private static AttributeValue attachment(Attachment a) {
        Map<String, AttributeValue> am = new HashMap<>();
        am.put("id", s(a.id()));
        put(am, "filename", a.filename());
        put(am, "contentType", a.contentType());
        am.put("size", n(a.size()));
        put(am, "contentId", a.contentId());
        return AttributeValue.fromM(am);
    }

    private static Attachment attachment(Map<String, AttributeValue> am) {
        return new Attachment(str(am, "id"), str(am, "filename"), str(am, "contentType"), Long.parseLong(am.get("size").n()),
                str(am, "contentId"));
    }

    static Message message(Map<String, AttributeValue> m) {
        MessageText.Text text = MessageText.get(m);
        List<Attachment> attachments = new ArrayList<>();
        if (m.containsKey("attachments")) {
            for (AttributeValue a : m.get("attachments").l()) attachments.add(attachment(a.m()));
        }
        Delivery delivery = null;
        if (m.containsKey("delivery")) {
            Map<String, AttributeValue> dm = m.get("delivery").m();
            delivery = new Delivery(DeliveryStatus.parse("delivery.status", str(dm, "status")), instant(dm, "at"),
                    str(dm, "providerId"), str(dm, "detail"), Integer.parseInt(dm.get("attempts").n()));
        }
        return new Message(str(m, "id"), str(m, "ticketId"), actor(m.get("author")),
                Visibility.parse("visibility", str(m, "visibility")), text.body(), text.html(),
                Channel.parse("channel", str(m, "channel")), instant(m, "createdAt"), attachments, str(m, "threading"),
                str(m, "externalId"), m.containsKey("original") ? attachment(m.get("original").m()) : null, delivery);
    }

    static Map<String, AttributeValue> outboxItem(DomainEvent e, String source) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", s(Keys.ticketPk(e.ticketId())));
        m.put("SK", s(Keys.eventSk(e.occurredAt(), e.id())));
        m.put("type", s(TYPE_OUTBOX));
        m.put("eventId", s(e.id()));
        m.put("detailType", s(e.type()));
        m.put("source", s(source));
        m.put("ticketId", s(e.ticketId()));
        m.put("occurredAt", s(Keys.time(e.occurredAt())));
        m.put("expiresAt", n(e.occurredAt().getEpochSecond() + OUTBOX_TTL_SECONDS));
        m.put("detail", s(detailJson(e)));
        // the outbox by time (access pattern 13): what the operators' replay reads without a scan
        m.put("GSI1PK", s(Keys.outboxPartition(e.occurredAt(), e.id())));
        m.put("GSI1SK", s(Keys.outboxSort(e.occurredAt(), e.id())));
        return m;
    }

    /** The bus detail: the event's envelope fields plus its data (docs/events.md). */
    static String detailJson(DomainEvent e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", e.id());
        d.put("ticketId", e.ticketId());
        d.put("ticketNumber", e.ticketNumber());
        d.put("occurredAt", Keys.time(e.occurredAt()));
        Map<String, Object> actor = new LinkedHashMap<>();
        if (e.actor() != null) {
            actor.put("type", e.actor().type().wire());
            actor.put("id", e.actor().id());
            actor.put("name", e.actor().name());
            actor.put("email", e.actor().email());
        }
        d.put("actor", actor);
        d.put("data", e.detail());
        try {
            return PlainJson.write(d);
        } catch (java.io.UncheckedIOException ex) {
            throw new IllegalArgumentException("event detail is not serializable: " + e.type(), ex);
        }
    }

    private static AttributeValue requester(Requester r) {
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "email", r.email());
        put(m, "phone", r.phone());
        put(m, "name", r.name());
        Map<String, AttributeValue> ids = new HashMap<>();
        r.externalIds().forEach((k, v) -> ids.put(k, s(v)));
        if (!ids.isEmpty()) m.put("externalIds", AttributeValue.fromM(ids));
        return AttributeValue.fromM(m);
    }

    private static Requester requester(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        Map<String, String> ids = new HashMap<>();
        if (m.containsKey("externalIds")) m.get("externalIds").m().forEach((k, x) -> ids.put(k, x.s()));
        return new Requester(str(m, "email"), str(m, "phone"), str(m, "name"), ids);
    }

    static AttributeValue actor(Actor a) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("type", s(a.type().wire()));
        put(m, "id", a.id());
        put(m, "name", a.name());
        put(m, "email", a.email());
        return AttributeValue.fromM(m);
    }

    static Actor actor(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new Actor(ActorType.parse("author.type", str(m, "type")), str(m, "id"), str(m, "name"), str(m, "email"));
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    /**
     * An empty list is left out (the readers take a missing list as empty): a ticket item and each of its index entries
     * would otherwise carry ~70 bytes of empty lists, billed with every write of them (1 WRU per started KB).
     */
    private static void list(Map<String, AttributeValue> m, String name, java.util.Collection<String> values) {
        if (!values.isEmpty()) m.put(name, AttributeValue.fromL(values.stream().map(ItemMapper::s).toList()));
    }

    private static void put(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) m.put(name, s(value));
    }

    private static com.helpdesk.core.ticket.Csat csat(Map<String, AttributeValue> c) {
        return new com.helpdesk.core.ticket.Csat(Integer.parseInt(c.get("rating").n()), str(c, "comment"), instant(c, "resolvedAt"),
                c.containsKey("resolvedBy") ? actor(c.get("resolvedBy")) : null, instant(c, "respondedAt"));
    }

    private static List<String> strings(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    static String str(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> m, String name) {
        String v = str(m, name);
        return v == null ? null : Instant.parse(v);
    }
}
