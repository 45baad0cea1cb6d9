package com.helpdesk.api;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.sla.SlaTicketReads;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.ETags;
import com.helpdesk.http.TicketRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two ticket reads that show the SLA clocks: {@code GET /tickets/{id}} with its {@code sla}, and the
 * "breaching soon" queue {@code GET /tickets?slaDueBefore=}. Decode, call {@link TicketSlaQueries}, encode.
 */
final class SlaTicketViews {
    /** The queue filters the "breaching soon" index cannot serve: refused by name rather than silently ignored. */
    private static final List<String> NOT_WITH_SLA_DUE = List.of("status", "assignee", "requester", "tag");
    static final Set<String> PARAMS = Set.of("slaDueBefore", "limit", "cursor");

    private final TicketSlaQueries sla;

    SlaTicketViews(TicketSlaQueries sla) {
        this.sla = sla;
    }

    /**
     * The ticket with {@code sla}. The ETag is the ticket's version (what If-Match checks), but while a clock
     * runs the representation changes with time alone ({@code remaining}), and the clocks follow the ticket a
     * moment later (through the bus): a ticket with clocks is therefore always answered in full, never 304.
     */
    ApiResponse get(String ticketId, String ifNoneMatch) {
        TicketSlaQueries.Shown shown = sla.get(ticketId);
        long version = shown.thread().ticket().version();
        String etag = ETags.of(version);
        if (shown.sla().isEmpty() && ETags.noneMatchHits(ifNoneMatch, version)) {
            return ApiResponse.status(304).header("ETag", etag);
        }
        Map<String, Object> body = TicketRepresentation.full(shown.thread());
        body.put("sla", shown.sla());
        return ApiResponse.json(200, body).header("ETag", etag);
    }

    /** Earliest due first; each item is the ticket's summary with {@code slaDueAt}. */
    ApiResponse dueBefore(ApiRequest req) {
        List<ValidationException.FieldError> refused = new ArrayList<>();
        for (String other : NOT_WITH_SLA_DUE) {
            if (req.query(other) != null) {
                refused.add(new ValidationException.FieldError(other, "cannot be combined with slaDueBefore (the breaching-soon view "
                        + "is its own index); allowed with it: " + String.join(", ", new java.util.TreeSet<>(PARAMS))));
            }
        }
        if (!refused.isEmpty()) throw new ValidationException(refused);
        Integer limit = TicketRoutes.limit(req, TicketSlaQueries.MAX_PAGE_SIZE);
        SlaTicketReads.DuePage page = sla.dueBefore(req.query("slaDueBefore"), limit, req.query("cursor"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SlaTicketReads.DueTicket d : page.items()) {
            Map<String, Object> item = TicketRepresentation.summary(d.ticket());
            item.put("slaDueAt", d.dueAt().toString());
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }
}
