package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read-only requests an API function sends through its own router for SnapStart priming
 * ({@code com.helpdesk.runtime.SnapStartPriming}): the route table, the authorizer's claims, the path checks,
 * the core's queries and the store's reads, the JSON and problem+json answers all run once before the snapshot.
 * Only GETs, of things that never exist (ticket #0) or of views, and POSTs to routes that store nothing (the intents
 * API's classification), so priming changes nothing that is stored.
 */
public final class PrimingRequests {
    /** A ticket number the store never hands out (numbers start at 1): its reads answer 404. */
    public static final String NO_TICKET = "0";

    private PrimingRequests() {}

    /**
     * GETs {@code path} through the router as an admin and agent would; the answer (a 404 or a problem included)
     * is dropped. E.g. {@code get(router, "GET /tickets/{id}", "/tickets/0")}.
     *
     * @param pathAndQuery the path, with an optional query ({@code /tickets?limit=1})
     */
    public static void get(Router router, String routeKey, String pathAndQuery) {
        router.handle(event(routeKey, pathAndQuery));
    }

    /**
     * POSTs a JSON body through the router as an admin and agent would, for a route that stores nothing (e.g.
     * {@code POST /intents/classify}); never for a route that writes. The answer is dropped.
     */
    public static void postToRouteThatStoresNothing(Router router, String routeKey, String path, String jsonBody) {
        APIGatewayV2HTTPEvent event = event(routeKey, path);
        event.getRequestContext().getHttp().setMethod("POST");
        event.setHeaders(Map.of("accept", "application/json", "content-type", "application/json"));
        event.setBody(jsonBody);
        router.handle(event);
    }

    static APIGatewayV2HTTPEvent event(String routeKey, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "snapstart-priming", "cognito:groups", "[" + Caller.ADMIN + " " + Caller.AGENT + "]",
                        "name", "SnapStart priming"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("snapstart-priming")
                .withRouteKey(routeKey)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(Map.of("accept", "application/json"))
                .withPathParameters(pathParameters(routeKey.substring(routeKey.indexOf(' ') + 1), path))
                .withQueryStringParameters(queryParameters(query))
                .withRequestContext(context)
                .withIsBase64Encoded(false)
                .build();
    }

    private static Map<String, String> pathParameters(String template, String path) {
        String[] names = template.split("/");
        String[] values = path.split("/");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{") && names[i].endsWith("}")) parameters.put(names[i].substring(1, names[i].length() - 1), values[i]);
        }
        return parameters;
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return parameters;
    }
}
