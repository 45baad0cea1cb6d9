package com.helpdesk.http;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's JSON shape of tickets and messages (names are a published contract: see openapi.yaml). */
public final class TicketRepresentation {
    private TicketRepresentation() {}

    public static Map<String, Object> summary(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("subject", t.subject());
        m.put("status", t.status().wire());
        m.put("priority", t.priority().wire());
        m.put("channel", t.channel().wire());
        m.put("requester", requester(t.requester()));
        m.put("assignee", t.assignee());
        m.put("group", t.group());
        m.put("tags", t.tags());
        m.put("createdAt", iso(t.createdAt()));
        m.put("updatedAt", iso(t.updatedAt()));
        m.put("version", t.version());
        m.put("firstResponseAt", iso(t.firstResponseAt()));
        m.put("resolvedAt", iso(t.resolvedAt()));
        m.put("lastMessageAt", iso(t.lastMessageAt()));
        m.put("messageCount", t.messageCount());
        m.put("escalationLevel", t.escalationLevel());
        m.put("ccs", t.ccs());
        m.put("linkedTicketIds", t.linkedTicketIds());
        m.put("mergedInto", t.mergedInto());
        m.put("mergedFrom", t.mergedFrom());
        m.put("parentId", t.parentId());
        m.put("childIds", t.childIds());
        m.put("resolvedBy", t.resolvedBy() == null ? null : author(t.resolvedBy()));
        m.put("csat", csat(t));
        return m;
    }

    /** The rating of the latest answered resolution, or null. */
    public static Map<String, Object> csat(Ticket t) {
        if (t.csat() == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rating", t.csat().rating());
        m.put("comment", t.csat().comment());
        m.put("respondedAt", iso(t.csat().respondedAt()));
        m.put("resolvedAt", iso(t.csat().resolvedAt()));
        m.put("resolvedBy", t.csat().resolvedBy() == null ? null : author(t.csat().resolvedBy()));
        return m;
    }

    public static Map<String, Object> full(TicketThread thread) {
        Map<String, Object> m = summary(thread.ticket());
        m.put("messages", thread.messages().stream().map(TicketRepresentation::message).toList());
        return m;
    }

    public static Map<String, Object> message(Message msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", msg.id());
        m.put("ticketId", msg.ticketId());
        m.put("author", author(msg.author()));
        m.put("visibility", msg.visibility().wire());
        m.put("body", msg.body());
        m.put("html", DisplayHtml.sanitize(msg.html())); // the stored original stays raw
        m.put("channel", msg.channel().wire());
        m.put("createdAt", iso(msg.createdAt()));
        m.put("threading", msg.threading());
        m.put("externalId", msg.externalId());
        m.put("attachments", msg.attachments().stream().map(a -> attachment(msg.ticketId(), a)).toList());
        m.put("original", msg.original() == null ? null : attachment(msg.ticketId(), msg.original()));
        m.put("delivery", msg.delivery() == null ? null : delivery(msg.delivery()));
        return m;
    }

    /** An audit entry: who, when, what (action, and field/from/to for field changes), why (reason). */
    public static Map<String, Object> historyEntry(DomainEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", iso(e.occurredAt()));
        m.put("actor", e.actor() == null ? null : author(e.actor()));
        m.put("action", e.type());
        Map<String, Object> detail = new LinkedHashMap<>(e.detail());
        for (String lifted : new String[]{"field", "from", "to", "reason"}) {
            if (detail.containsKey(lifted)) m.put(lifted, detail.remove(lifted));
        }
        m.put("detail", detail);
        return m;
    }

    private static Map<String, Object> requester(Requester r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", r.email());
        m.put("phone", r.phone());
        m.put("name", r.name());
        m.put("externalIds", r.externalIds());
        return m;
    }

    private static Map<String, Object> author(Actor a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type().wire());
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("email", a.email());
        return m;
    }

    private static Map<String, Object> delivery(com.helpdesk.core.ticket.Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().wire());
        m.put("at", iso(d.at()));
        m.put("providerId", d.providerId());
        m.put("detail", d.detail());
        m.put("attempts", d.attempts());
        return m;
    }

    private static Map<String, Object> attachment(String ticketId, Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.publicId());
        m.put("downloadPath", "/tickets/" + ticketId + "/attachments/" + a.publicId());
        m.put("filename", a.filename());
        m.put("contentType", a.contentType());
        m.put("size", a.size());
        m.put("contentId", a.contentId());
        return m;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    public static List<Map<String, Object>> summaries(List<Ticket> tickets) {
        return tickets.stream().map(TicketRepresentation::summary).toList();
    }
}
