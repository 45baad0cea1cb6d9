package com.helpdesk.api;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.TicketRepresentation;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.helpdesk.api.TicketRequests.limit;
import static com.helpdesk.api.TicketRequests.onlyParameters;

/** The routes that read tickets: the list, one ticket, its history, its survey, its attachments, unthreaded mail. */
final class TicketViewRoutes {
    private static final Set<String> LIST_PARAMS = Set.of("status", "assignee", "requester", "tag", "group", "limit", "cursor", "slaDueBefore");
    private static final Set<String> HISTORY_PARAMS = Set.of("limit", "cursor");

    /** How long an attachment's download link works. */
    static final Duration DOWNLOAD_LINK_TTL = Duration.ofMinutes(5);

    private final TicketQueries tickets;
    private final CsatService surveys;
    private final FileStore files;
    private final SlaTicketViews sla;
    private final TicketDetailView detail;

    TicketViewRoutes(TicketQueries tickets, CsatService surveys, FileStore files, SlaTicketViews sla, TicketDetailView detail) {
        this.tickets = tickets;
        this.surveys = surveys;
        this.files = files;
        this.sla = sla;
        this.detail = detail;
    }

    ApiResponse list(ApiRequest req) {
        onlyParameters(req, LIST_PARAMS);
        if (req.query("slaDueBefore") != null) return sla.dueBefore(req);
        Status status = req.query("status") == null ? null : Status.parse("status", req.query("status"));
        Integer limit = limit(req, TicketQueries.MAX_PAGE_SIZE);
        TicketPage page = tickets.list(new TicketQuery(status, req.query("assignee"), req.query("requester"), req.query("tag"),
                req.query("group")), limit, req.query("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", TicketRepresentation.summaries(page.items()));
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    ApiResponse get(ApiRequest req) {
        return detail.get(tickets.resolveId(req.pathParameter("id")), req.header("If-None-Match"));
    }

    ApiResponse history(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        onlyParameters(req, HISTORY_PARAMS);
        HistoryPage page = tickets.history(id, limit(req, TicketQueries.MAX_HISTORY_PAGE_SIZE), req.query("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.entries().stream().map(TicketRepresentation::historyEntry).toList());
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    /** The survey link of the current resolution (for the channels that deliver it) and the rating so far. */
    ApiResponse csat(ApiRequest req) {
        CsatService.Survey s = surveys.surveyFor(tickets.resolveId(req.pathParameter("id")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("surveyPath", "/csat/" + s.token());
        out.put("expiresAt", s.expiresAt().toString());
        out.put("csat", TicketRepresentation.csat(s.ticket()));
        return ApiResponse.json(200, out);
    }

    ApiResponse unthreaded(ApiRequest req) {
        onlyParameters(req, Set.of("date", "limit", "cursor"));
        var page = tickets.unthreaded(req.query("date"), limit(req, TicketQueries.MAX_PAGE_SIZE), req.query("cursor"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (var u : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receivedAt", u.receivedAt() == null ? null : u.receivedAt().toString());
            m.put("kind", u.kind());
            m.put("channel", u.channel());
            m.put("from", u.from());
            m.put("subject", u.subject());
            m.put("reason", u.reason());
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    /** 303 to a short-lived download link (files can be larger than an API response may be). */
    ApiResponse attachment(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        Attachment a = tickets.attachment(id, req.pathParameter("attachmentId"));
        if (a.id().startsWith("ref/")) return mediaReference(a);
        URI link = files.downloadLink(a, DOWNLOAD_LINK_TTL);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", link.toString());
        out.put("expiresInSeconds", DOWNLOAD_LINK_TTL.toSeconds());
        out.put("filename", a.filename());
        out.put("contentType", a.contentType());
        out.put("size", a.size());
        return ApiResponse.json(303, out).header("Location", link.toString()).header("Cache-Control", "no-store");
    }

    /**
     * Chat media is not copied here: a URL the customer's widget gave is where the file is (303 there);
     * a provider's media id (WhatsApp, Twilio) is fetched from the provider with the channel's token.
     */
    private static ApiResponse mediaReference(Attachment a) {
        String ref = a.id().substring("ref/".length());
        if (ref.startsWith("https://") || ref.startsWith("http://")) {
            return ApiResponse.json(303, Map.of("url", ref, "filename", String.valueOf(a.filename()))).header("Location", ref);
        }
        throw new HttpProblem(409, "media-at-provider", "Conflict", "this attachment is media kept by the chat provider ("
                + ref + "); it is fetched from the provider's media API with the channel's credentials");
    }
}
