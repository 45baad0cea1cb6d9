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
    private record Route(Set<String> roles, Function<ApiRequest, ApiResponse> handler) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();

    public Router route(String routeKey, Set<String> roles, Function<ApiRequest, ApiResponse> handler) {
        routes.put(routeKey, new Route(Set.copyOf(roles), handler));
        return this;
    }

    /** A route anyone may call: the template gives it no authorizer, and the handler must authenticate otherwise. */
    public Router publicRoute(String routeKey, Function<ApiRequest, ApiResponse> handler) {
        routes.put(routeKey, new Route(null, handler));
        return this;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return Invocation.record(requestId(event), () -> respond(event));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
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
        byte[] body = ApiRequest.decodeBody(event);
        if (body.length > MAX_BODY_BYTES) {
            throw new HttpProblem(413, "payload-too-large", "Content Too Large",
                    "the request body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        return route.handler().apply(new ApiRequest(event, caller, body));
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return event == null || event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    private static void logUnexpected(APIGatewayV2HTTPEvent event, RuntimeException e) {
        log.error("unhandled error in {}", event == null ? null : event.getRouteKey(), e);
    }
}
