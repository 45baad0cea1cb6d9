package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ticket as a data export shows it (GDPR art. 15: the personal data concerning the customer): what they wrote and
 * were sent, the staff's internal notes about their case (opinions about a person are their personal data too), the
 * ticket's particulars, their survey answer and the order context the helpdesk kept. Staff are named by role only
 * (art. 15(4): others' rights); attachments by name, type, size and storage key (the files themselves are copied from
 * the bucket when the merchant asks: docs/runbook.md).
 */
final class TicketExport {
    private TicketExport() {}

    static Map<String, Object> of(TicketThread thread, OrderContext context) {
        Ticket t = thread.ticket();
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("email", t.requester().email());
        requester.put("phone", t.requester().phone());
        requester.put("name", t.requester().name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("subject", t.subject());
        m.put("status", t.status().wire());
        m.put("channel", t.channel().wire());
        m.put("createdAt", time(t.createdAt()));
        m.put("updatedAt", time(t.updatedAt()));
        m.put("resolvedAt", time(t.resolvedAt()));
        m.put("requester", requester);
        m.put("ccs", t.ccs());
        m.put("tags", t.tags());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Message msg : thread.messages()) messages.add(message(msg));
        m.put("messages", messages);
        m.put("csat", t.csat() == null ? null : csat(t));
        m.put("orderContext", context);
        return m;
    }

    private static Map<String, Object> message(Message msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", msg.id());
        m.put("createdAt", time(msg.createdAt()));
        m.put("from", msg.author().type().wire());
        m.put("visibility", msg.visibility().wire());
        m.put("channel", msg.channel().wire());
        m.put("body", msg.body());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Attachment a : msg.attachments()) files.add(file(a));
        m.put("attachments", files);
        m.put("original", msg.original() == null ? null : file(msg.original()));
        return m;
    }

    private static Map<String, Object> file(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", a.filename());
        m.put("contentType", a.contentType());
        m.put("size", a.size());
        m.put("file", a.id());
        return m;
    }

    private static Map<String, Object> csat(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rating", t.csat().rating());
        m.put("comment", t.csat().comment());
        m.put("respondedAt", time(t.csat().respondedAt()));
        return m;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
