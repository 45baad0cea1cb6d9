package com.helpdesk.api;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.sla.SlaTicketReads;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.TicketRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "breaching soon" queue {@code GET /tickets?slaDueBefore=}: decode, call {@link TicketSlaQueries}, encode.
 * (The ticket itself with its {@code sla} is {@link TicketDetailView}.)
 */
final class SlaTicketViews {
    /** The queue filters the "breaching soon" index cannot serve: refused by name rather than silently ignored. */
    private static final List<String> NOT_WITH_SLA_DUE = List.of("status", "assignee", "requester", "tag", "group");
    static final Set<String> PARAMS = Set.of("slaDueBefore", "limit", "cursor");

    private final TicketSlaQueries sla;

    SlaTicketViews(TicketSlaQueries sla) {
        this.sla = sla;
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
        Integer limit = TicketRequests.limit(req, TicketSlaQueries.MAX_PAGE_SIZE);
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
