package com.helpdesk.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.agents.Agent;
import com.helpdesk.core.agents.AgentProfile;
import com.helpdesk.core.agents.Agents;
import com.helpdesk.core.routing.RoutingRule;
import com.helpdesk.core.routing.RoutingRuleWire;
import com.helpdesk.core.routing.RoutingRules;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agents and routing-rules API. Admins keep the team ({@code PUT/DELETE /agents/{id}}) and the rules; agents
 * and admins read them; an agent says whether they take tickets ({@code PATCH /agents/me}, the token's subject:
 * the id tickets are assigned to).
 */
final class RoutingRoutes {
    private static final Set<String> ADMIN = Set.of(Caller.ADMIN);
    private static final Set<String> STAFF = Set.of(Caller.AGENT, Caller.ADMIN);

    private RoutingRoutes() {}

    static Router router(Agents agents, RoutingRules rules) {
        return new Router()
                .route("PATCH /agents/me", STAFF, req -> {
                    JsonBody body = JsonBody.parse(req).allowOnly(Set.of("available"), Set.of("name", "groups", "capacity", "load"));
                    Boolean available = body.bool("available");
                    body.done();
                    return ApiResponse.json(200, wire(agents.setAvailable(req.caller().subject(), available)));
                })
                .routeCheckedByService("PUT /agents/{id}", ADMIN, Set.of("id"), req -> putAgent(agents, req))
                .routeCheckedByService("GET /agents/{id}", STAFF, Set.of("id"), req -> ApiResponse.json(200, wire(agents.get(req.pathParameter("id")))))
                .routeCheckedByService("DELETE /agents/{id}", ADMIN, Set.of("id"), req -> {
                    agents.delete(req.pathParameter("id"));
                    return ApiResponse.status(204);
                })
                .route("GET /agents", STAFF, req -> ApiResponse.json(200, Map.of("items", agents.list().stream().map(RoutingRoutes::wire).toList())))
                .pathParameter("id", RoutingRuleWire.ID.pattern(), "a rule id (" + RoutingRuleWire.ID_RULE + ")")
                .route("GET /routing-rules", STAFF, req -> ApiResponse.json(200, Map.of("items", rules.list().stream()
                        .sorted(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::id)).map(RoutingRuleWire::toWire).toList())))
                .route("GET /routing-rules/{id}", STAFF, req -> ApiResponse.json(200, RoutingRuleWire.toWire(rules.find(req.pathParameter("id"))
                        .orElseThrow(() -> new NotFoundException("no routing rule '" + req.pathParameter("id") + "'")))))
                .route("PUT /routing-rules/{id}", ADMIN, req -> {
                    RoutingRule rule = RoutingRuleWire.parse(req.pathParameter("id"), body(req));
                    rules.save(rule);
                    return ApiResponse.json(200, RoutingRuleWire.toWire(rule));
                })
                .route("DELETE /routing-rules/{id}", ADMIN, req -> {
                    if (!rules.delete(req.pathParameter("id"))) throw new NotFoundException("no routing rule '" + req.pathParameter("id") + "'");
                    return ApiResponse.status(204);
                });
    }

    private static ApiResponse putAgent(Agents agents, ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("name", "groups", "available", "capacity"), Set.of("id", "load"));
        String name = body.string("name");
        var groups = body.stringList("groups");
        Boolean available = body.bool("available");
        Integer capacity = body.integer("capacity");
        // the body's type errors and the profile's rules in one answer; a field of the wrong type is named once
        List<FieldError> errors = new ArrayList<>();
        try {
            body.done();
        } catch (ValidationException typeErrors) {
            errors.addAll(typeErrors.errors());
        }
        AgentProfile profile = null;
        try {
            profile = AgentProfile.of(req.pathParameter("id"), name, groups, available, capacity);
        } catch (ValidationException invalid) {
            Set<String> named = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            invalid.errors().stream().filter(e -> !named.contains(e.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return ApiResponse.json(200, wire(agents.put(profile)));
    }

    static Map<String, Object> wire(Agent a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("groups", a.groups());
        m.put("available", a.available());
        m.put("capacity", a.capacity());
        m.put("load", a.load());
        return m;
    }

    /** The request body as plain maps and lists (what the core's wire reader takes), after the usual JSON checks. */
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
}
