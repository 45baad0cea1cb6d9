package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.runtime.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Dispatches on API Gateway's routeKey ("PATCH /tickets/{id}") and owns the cross-cutting rules every
 * route shares: an authenticated caller with an allowed role, the body size limit, and turning every
 * refusal into problem+json without leaking internals.
 */
public final class Router {
    private static final Logger log = LoggerFactory.getLogger(Router.class);
    /** Documented request body limit (openapi.yaml). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /** {@code roles} null: a public route (no token; e.g. a customer's survey link). */
    private record Route(Set<String> roles, Map<String, PathParameters.Rule> parameters, Function<ApiRequest, ApiResponse> handler,
                         Function<HttpProblem, ApiResponse> problemPage, int maxBodyBytes) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, PathParameters.Rule> extraParameters = new LinkedHashMap<>();

    public Router route(String routeKey, Set<String> roles, Function<ApiRequest, ApiResponse> handler) {
        routes.put(routeKey, new Route(Set.copyOf(roles), PathParameters.rulesFor(routeKey, extraParameters), handler, null, MAX_BODY_BYTES));
        return this;
    }

    /**
     * A route whose service checks the named path parameters itself, before any store call, so their
     * errors come in one answer with the body's (PUT /channels/{channelId}: the id and the settings).
     * Every other parameter of the route is still checked here.
     */
    public Router routeCheckedByService(String routeKey, Set<String> roles, Set<String> checkedByService,
                                        Function<ApiRequest, ApiResponse> handler) {
        Map<String, PathParameters.Rule> rules = new LinkedHashMap<>(PathParameters.rulesFor(routeKey, extraParameters));
        if (!rules.keySet().containsAll(checkedByService)) throw new IllegalArgumentException(routeKey + " has no parameter " + checkedByService);
        rules.keySet().removeAll(checkedByService);
        routes.put(routeKey, new Route(Set.copyOf(roles), rules, handler, null, MAX_BODY_BYTES));
        return this;
    }

    /** A route anyone may call: the template gives it no authorizer, and the handler must authenticate otherwise. */
    public Router publicRoute(String routeKey, Function<ApiRequest, ApiResponse> handler) {
        return publicRoute(routeKey, MAX_BODY_BYTES, handler);
    }

    /** A public route taking bodies up to {@code maxBodyBytes}: a provider's webhook whose payloads it does not choose. */
    public Router publicRoute(String routeKey, int maxBodyBytes, Function<ApiRequest, ApiResponse> handler) {
        routes.put(routeKey, new Route(null, PathParameters.rulesFor(routeKey, extraParameters), handler, null, maxBodyBytes));
        return this;
    }

    /** A public route a person opens in a browser: its 4xx refusals (a mangled link among them) are shown as a page. */
    public Router publicPage(String routeKey, Function<ApiRequest, ApiResponse> handler, Function<HttpProblem, ApiResponse> problemPage) {
        routes.put(routeKey, new Route(null, PathParameters.rulesFor(routeKey, extraParameters), handler, problemPage, MAX_BODY_BYTES));
        return this;
    }

    /** Declares the form of a path parameter the API's standard ones (PathParameters) do not cover; before the routes using it. */
    public Router pathParameter(String name, String regex, String description) {
        extraParameters.put(name, PathParameters.rule(regex, description));
        return this;
    }

    /** The route keys this router serves. */
    public Set<String> routeKeys() {
        return java.util.Collections.unmodifiableSet(routes.keySet());
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return Invocation.record(requestId(event), () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = answer(event);
        log.info("{} answered {}", event == null ? null : event.getRouteKey(), response.getStatusCode());
        return response;
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String instance = event == null ? null : event.getRawPath();
        try {
            return dispatch(event).toEvent();
        } catch (RuntimeException e) {
            HttpProblem p = Problems.from(e);
            if (p == null) {
                logUnexpected(event, e);
                p = new HttpProblem(500, "internal-error", "Internal Server Error",
                        "the request could not be completed; it has been logged"
                                + (requestId(event) == null ? "" : " (request id " + requestId(event) + ")"));
            }
            Route route = event == null || event.getRouteKey() == null ? null : routes.get(event.getRouteKey());
            if (route != null && route.problemPage() != null && p.status() < 500) return route.problemPage().apply(p).toEvent();
            return ApiResponse.problem(p, instance).toEvent();
        }
    }

    private ApiResponse dispatch(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRouteKey() == null) {
            throw new HttpProblem(400, "bad-request", "Bad Request", "not an HTTP API request");
        }
        Route route = routes.get(event.getRouteKey());
        if (route == null) {
            throw new HttpProblem(404, "not-found", "Not Found", "no route " + event.getRouteKey());
        }
        Caller caller = event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null ? null
                : Caller.fromClaims(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        if (caller == null && route.roles() != null) {
            throw new HttpProblem(401, "unauthorized", "Unauthorized", "a valid bearer token is required",
                    java.util.List.of(), Map.of("WWW-Authenticate", "Bearer"));
        }
        if (route.roles() != null && !route.roles().isEmpty() && route.roles().stream().noneMatch(caller.roles()::contains)) {
            throw new HttpProblem(403, "forbidden", "Forbidden",
                    "this route needs one of the roles " + String.join(", ", route.roles())
                            + "; the token has " + (caller.roles().isEmpty() ? "none" : String.join(", ", caller.roles())));
        }
        checkPathParameters(route, event);
        if (event.getRouteKey().contains("/tickets/{id}")) Invocation.ticket(event.getPathParameters().get("id"));
        byte[] body = ApiRequest.decodeBody(event);
        if (body.length > route.maxBodyBytes()) {
            throw new HttpProblem(413, "payload-too-large", "Content Too Large",
                    "the request body is " + body.length + " bytes; the limit is " + route.maxBodyBytes());
        }
        return route.handler().apply(new ApiRequest(event, caller, body));
    }

    /** Every path parameter against its pattern, before the handler (and so any store call) sees it. */
    private static void checkPathParameters(Route route, APIGatewayV2HTTPEvent event) {
        Map<String, String> given = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        route.parameters().forEach((name, rule) -> {
            String value = given.get(name);
            if (!rule.accepts(value)) throw PathParameters.invalid(name, rule, value);
        });
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    private static void logUnexpected(APIGatewayV2HTTPEvent event, RuntimeException e) {
        log.error("unhandled error in {}", event == null ? null : event.getRouteKey(), e);
    }
}
