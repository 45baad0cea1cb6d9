package com.helpdesk.csat;

import com.helpdesk.core.DomainException;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Problems;
import com.helpdesk.http.Router;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The survey: GET shows the page (with ?rating=1..5, the one-click links of the resolution email,
 * the rating is recorded first); POST takes {rating, comment} as JSON (answered with JSON) or as a
 * form (answered with the page). Customers get pages, integrations get problem+json.
 */
final class SurveyRoutes {
    private final CsatService surveys;

    private SurveyRoutes(CsatService surveys) {
        this.surveys = surveys;
    }

    static Router router(CsatService surveys) {
        SurveyRoutes r = new SurveyRoutes(surveys);
        return new Router()
                .publicPage("GET /csat/{token}", r::page, p -> html(p.status(), SurveyPage.problem(p.status(), p.detail())))
                .publicRoute("POST /csat/{token}", r::answer);
    }

    private ApiResponse page(ApiRequest req) {
        String token = req.pathParameter("token");
        try {
            String rating = req.query("rating");
            if (rating != null) {
                Ticket t = surveys.respond(token, parseRating(rating), null);
                return html(200, SurveyPage.thanks(t));
            }
            CsatService.Survey s = surveys.open(token);
            return html(200, SurveyPage.form(s.ticket()));
        } catch (DomainException | HttpProblem e) {
            return errorPage(e);
        }
    }

    private ApiResponse answer(ApiRequest req) {
        String token = req.pathParameter("token");
        String type = req.header("Content-Type");
        boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!form) {
            JsonBody body = JsonBody.parse(req).allowOnly(Set.of("rating", "comment"), Set.of());
            String comment = body.text("comment");
            Integer rating = body.integer("rating");
            body.done();
            Ticket t = surveys.respond(token, rating, comment);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rating", t.csat().rating());
            out.put("comment", t.csat().comment());
            out.put("respondedAt", t.csat().respondedAt().toString());
            return ApiResponse.json(200, out);
        }
        try {
            Map<String, String> fields = formFields(req.bodyText());
            String comment = fields.get("comment") == null ? null : com.helpdesk.http.TextFields.multiLine(fields.get("comment"));
            Ticket t = surveys.respond(token, parseRating(fields.get("rating")), comment);
            return html(200, SurveyPage.thanks(t));
        } catch (DomainException | HttpProblem e) {
            return errorPage(e);
        }
    }

    private static int parseRating(String raw) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new com.helpdesk.core.ValidationException("rating", "must be a whole number from 1 to 5");
        }
    }

    static Map<String, String> formFields(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException badEscape) {
                throw HttpProblem.badRequest("the form body has a malformed percent-encoding");
            }
        }
        return out;
    }

    private static ApiResponse errorPage(RuntimeException e) {
        HttpProblem p = Problems.from(e);
        if (p == null) throw e;
        return html(p.status(), SurveyPage.problem(p.status(), p.detail()));
    }

    private static ApiResponse html(int status, String page) {
        return ApiResponse.status(status).header("Content-Type", "text/html; charset=utf-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .body(page);
    }
}
