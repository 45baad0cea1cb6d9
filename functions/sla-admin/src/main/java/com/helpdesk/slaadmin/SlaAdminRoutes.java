package com.helpdesk.slaadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.sla.BusinessCalendar;
import com.helpdesk.core.sla.BusinessCalendarWire;
import com.helpdesk.core.sla.SlaLedgerEntry;
import com.helpdesk.core.sla.SlaPolicy;
import com.helpdesk.core.sla.SlaPolicyWire;
import com.helpdesk.core.sla.SlaPreview;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSla;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.sla.TicketSlaWire;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Json;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SLA admin API: business-hours calendars and SLA policies (admins write, agents read), the calendar
 * preview, and a ticket's SLA ledger and per-target view ({@code GET /tickets/{id}/sla}; the gateway sends
 * that one path here, the rest of /tickets to the ticket API).
 */
final class SlaAdminRoutes {
    private static final Set<String> ADMIN = Set.of(Caller.ADMIN);
    private static final Set<String> STAFF = Set.of(Caller.AGENT, Caller.ADMIN);

    private final SlaSettings settings;
    private final TicketSlaStore tickets;
    private final Clock clock;
    /** The ids calendars and policies take (BusinessCalendar, SlaPolicyWire). */
    private static final String SETTING_ID = "^[a-z0-9][a-z0-9-]{0,62}$";

    private SlaAdminRoutes(SlaSettings settings, TicketSlaStore tickets, Clock clock) {
        this.settings = settings;
        this.tickets = tickets;
        this.clock = clock;
    }

    static Router router(SlaSettings settings, TicketSlaStore tickets, Clock clock) {
        SlaAdminRoutes r = new SlaAdminRoutes(settings, tickets, clock);
        // The router checks each path parameter when a route is declared: the ticket route takes the API's
        // standard {id} (a ticket id or number), so it comes before {id} is declared as a calendar or policy id.
        return new Router()
                .route("GET /tickets/{id}/sla", STAFF, r::ticketSla)
                .pathParameter("id", SETTING_ID, "a calendar or policy id (1 to 63 lower-case letters, digits and '-', starting with a letter or digit)")
                .route("GET /business-hours", STAFF, req -> ApiResponse.json(200, Map.of("items",
                        settings.calendars().stream().map(BusinessCalendarWire::toWire).toList())))
                .route("GET /business-hours/{id}", STAFF, req -> ApiResponse.json(200,
                        BusinessCalendarWire.toWire(r.calendar(req))))
                .route("PUT /business-hours/{id}", ADMIN, r::putCalendar)
                .route("DELETE /business-hours/{id}", ADMIN, r::deleteCalendar)
                .route("POST /business-hours/{id}/preview", STAFF, req -> ApiResponse.json(200,
                        SlaPreview.answer(r.calendar(req), body(req))))
                .route("GET /sla-policies", STAFF, req -> ApiResponse.json(200, Map.of("items",
                        settings.policies().stream().map(SlaPolicyWire::toWire).toList(),
                        "fallback", SlaPolicyWire.toWire(SlaPolicy.BUILT_IN_DEFAULT))))
                .route("GET /sla-policies/{id}", STAFF, req -> ApiResponse.json(200, SlaPolicyWire.toWire(
                        settings.policy(req.pathParameter("id")).orElseThrow(() -> notFound("SLA policy", req)))))
                .route("PUT /sla-policies/{id}", ADMIN, r::putPolicy)
                .route("DELETE /sla-policies/{id}", ADMIN, req -> {
                    if (!settings.deletePolicy(req.pathParameter("id"))) throw notFound("SLA policy", req);
                    return ApiResponse.status(204);
                });
    }

    private BusinessCalendar calendar(ApiRequest req) {
        return settings.calendar(req.pathParameter("id")).orElseThrow(() -> notFound("business-hours calendar", req));
    }

    private ApiResponse putCalendar(ApiRequest req) {
        BusinessCalendar c = BusinessCalendarWire.fromWire(req.pathParameter("id"), body(req));
        settings.saveCalendar(c);
        return ApiResponse.json(200, BusinessCalendarWire.toWire(c));
    }

    private ApiResponse deleteCalendar(ApiRequest req) {
        String id = req.pathParameter("id");
        if (!settings.deleteCalendar(id)) {
            if (SlaSettings.DEFAULT_CALENDAR.equals(id)) {
                throw new HttpProblem(409, "shipped-calendar", "Conflict",
                        "the calendar 'default' ships with the stack and cannot be deleted; replace it with a PUT");
            }
            throw notFound("business-hours calendar", req);
        }
        return ApiResponse.status(204);
    }

    private ApiResponse putPolicy(ApiRequest req) {
        SlaPolicy p = SlaPolicyWire.parse(req.pathParameter("id"), body(req));
        settings.savePolicy(p);
        return ApiResponse.json(200, SlaPolicyWire.toWire(p));
    }

    private ApiResponse ticketSla(ApiRequest req) {
        String id = req.pathParameter("id");
        TicketSlaStore.Stored stored = tickets.find(id).orElseThrow(() -> new NotFoundException(
                "ticket " + id + " has no SLA clocks (address it by its id, tkt_...; its clocks start when the SLA timer sees it created)"));
        TicketSla sla = TicketSlaWire.fromWire(stored.state(), settings::businessTime);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticketId", stored.ticketId());
        out.put("ticketNumber", stored.ticketNumber());
        out.put("policy", sla.policy().id());
        out.put("businessHours", sla.policy().businessHours());
        out.put("nextFireAt", sla.nextFireAt() == null ? null : sla.nextFireAt().toString());
        out.put("sla", sla.view(clock.instant()));
        List<Map<String, Object>> ledger = tickets.ledger(id).stream().map(SlaLedgerEntry::toWire).toList();
        out.put("ledger", ledger);
        return ApiResponse.json(200, out);
    }

    /** The request body as plain maps and lists (what the core's wire readers take), after the usual JSON checks. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ApiRequest req) {
        JsonBody.parse(req); // 415 / 400 for a body that is not a JSON object
        try {
            return Json.mapper().readValue(req.body(), Map.class);
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("the request body is not valid JSON");
        } catch (java.io.IOException e) {
            throw HttpProblem.badRequest("the request body could not be read");
        }
    }

    private static NotFoundException notFound(String what, ApiRequest req) {
        return new NotFoundException("no " + what + " '" + req.pathParameter("id") + "'");
    }
}
