package com.helpdesk.ops;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.http.TicketRepresentation;
import com.helpdesk.store.DynamoDbTicketRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket's whole record as one JSON document: the ticket and its thread as the API shows them, its full
 * audit history, and per attachment a presigned download link (the files themselves stay in S3).
 */
final class TicketExport {
    /** Long enough to hand an export on (a data request); short enough not to be a standing credential. */
    static final Duration LINK_VALIDITY = Duration.ofHours(24);
    private static final int HISTORY_PAGE = 100;

    private final DynamoDbTicketRepository tickets;
    private final FileStore files;

    TicketExport(DynamoDbTicketRepository tickets, FileStore files) {
        this.tickets = tickets;
        this.files = files;
    }

    /** @param idOrNumber a ticket id (tkt_...) or its number (1042, or #1042) */
    Map<String, Object> export(String idOrNumber, Instant now) {
        String id = resolve(idOrNumber);
        TicketThread thread = tickets.find(id).orElseThrow(() -> new NotFoundException("no ticket " + idOrNumber));
        Map<String, Object> ticket = TicketRepresentation.full(thread);
        ticket.put("messages", messages(thread, now));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", now.toString());
        out.put("ticket", ticket);
        out.put("history", history(id));
        return out;
    }

    private String resolve(String idOrNumber) {
        String s = idOrNumber.strip();
        if (s.startsWith("#")) s = s.substring(1);
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            long number;
            try {
                number = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new UsageException("--ticket " + idOrNumber + " is no ticket number");
            }
            return tickets.findIdByNumber(number).orElseThrow(() -> new NotFoundException("no ticket number " + number));
        }
        if (s.isEmpty()) throw new UsageException("--ticket needs a ticket id or number");
        return s;
    }

    private List<Map<String, Object>> messages(TicketThread thread, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Message m : thread.messages()) {
            Map<String, Object> rep = TicketRepresentation.message(m);
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (Attachment a : m.attachments()) attachments.add(withLink(attachmentRep(rep, a), a, now));
            rep.put("attachments", attachments);
            if (m.original() != null) rep.put("original", withLink(new LinkedHashMap<>(castMap(rep.get("original"))), m.original(), now));
            out.add(rep);
        }
        return out;
    }

    private static Map<String, Object> attachmentRep(Map<String, Object> message, Attachment a) {
        for (Object o : (List<?>) message.get("attachments")) {
            Map<String, Object> m = castMap(o);
            if (a.publicId().equals(m.get("id"))) return new LinkedHashMap<>(m);
        }
        throw new IllegalStateException("the representation lost attachment " + a.publicId());
    }

    /** Chat media kept by the provider ("ref/...") has no file here: the reference is the link. */
    private Map<String, Object> withLink(Map<String, Object> rep, Attachment a, Instant now) {
        if (a.id().startsWith("ref/")) {
            rep.put("reference", a.id().substring("ref/".length()));
            return rep;
        }
        rep.put("downloadUrl", files.downloadLink(a, LINK_VALIDITY).toString());
        rep.put("downloadUrlExpiresAt", now.plus(LINK_VALIDITY).toString());
        return rep;
    }

    private List<Map<String, Object>> history(String id) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = tickets.history(id, HISTORY_PAGE, cursor);
            for (DomainEvent e : page.entries()) out.add(TicketRepresentation.historyEntry(e));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
