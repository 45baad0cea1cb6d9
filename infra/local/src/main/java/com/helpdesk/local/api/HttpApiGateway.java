package com.helpdesk.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.local.lambda.FunctionInvoker;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * API Gateway (HTTP API, payload format 2.0) in front of the local functions: matches the template's
 * routes, enforces the JWT authorizer, builds the exact event Lambda receives and maps the function's
 * response back. Where API Gateway would answer {"message": ...} itself (no route, unauthorized) we
 * answer application/problem+json, like the functions do, so clients see one error format locally.
 */
public final class HttpApiGateway {
    /** API Gateway's payload limit. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final List<Route> routes;
    private final FunctionInvoker functions;
    private final LocalJwt jwt;
    private final Supplier<Instant> clock;
    private final Cors cors;

    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Integer maxAge) {}

    public HttpApiGateway(List<Route> routes, FunctionInvoker functions, LocalJwt jwt, Supplier<Instant> clock, Cors cors) {
        this.routes = new ArrayList<>(routes);
        this.routes.sort(Comparator.comparingInt(Route::specificity).reversed());
        this.functions = functions;
        this.jwt = jwt;
        this.clock = clock;
        this.cors = cors;
    }

    public List<Route> routes() {
        return routes;
    }

    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", "the request path has a malformed percent-encoding");
            return;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");

        if (method.equals("OPTIONS") && cors != null && origin != null) {
            preflight(ex, origin);
            return;
        }

        Match match = match(ex, method, path);
        if (match == null) return;
        Route route = match.route();
        Map<String, String> params = match.params();

        Map<String, Object> claims = null;
        if (route.authorizer() != null) {
            String header = ex.getRequestHeaders().getFirst("Authorization");
            if (header == null || header.isBlank()) {
                unauthorized(ex, "a bearer token is required (Authorization: Bearer <token>)");
                return;
            }
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
            try {
                claims = jwt.verify(token, route.audiences());
            } catch (LocalJwt.InvalidToken e) {
                unauthorized(ex, e.getMessage());
                return;
            }
        }

        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            LocalHttp.problem(ex, 413, "payload-too-large", "Content Too Large", "API Gateway accepts at most 10 MB");
            return;
        }

        String event = event(ex, route, params, claims, body, method, rawPath, path);
        String result;
        try {
            result = functions.invoke(route.functionId(), event);
        } catch (FunctionError e) {
            LocalHttp.problem(ex, 500, "internal-error", "Internal Server Error", "the function failed; see the local stack's log");
            return;
        }
        if (origin != null && cors != null) corsHeaders(ex, origin);
        respond(ex, result);
    }

    /** A CORS preflight, answered here as API Gateway does when the API has a CORS configuration. */
    private void preflight(HttpExchange ex, String origin) throws IOException {
        corsHeaders(ex, origin);
        if (cors.allowMethods() != null) ex.getResponseHeaders().set("Access-Control-Allow-Methods", String.join(",", cors.allowMethods()));
        if (cors.allowHeaders() != null) ex.getResponseHeaders().set("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders()));
        if (cors.maxAge() != null) ex.getResponseHeaders().set("Access-Control-Max-Age", cors.maxAge().toString());
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    private record Match(Route route, Map<String, String> params) {}

    /** The first route for the method and path; null once a 405 (a route's path, not its method) or a 404 is sent. */
    private Match match(HttpExchange ex, String method, String path) throws IOException {
        boolean pathExists = false;
        for (Route r : routes) {
            Map<String, String> p = r.match(path);
            if (p == null) continue;
            pathExists = true;
            if (r.allows(method)) return new Match(r, p);
        }
        if (pathExists) LocalHttp.problem(ex, 405, "method-not-allowed", "Method Not Allowed", method + " is not a route of " + path);
        else LocalHttp.problem(ex, 404, "not-found", "Not Found", "no route matches " + method + " " + path);
        return null;
    }

    private void unauthorized(HttpExchange ex, String detail) throws IOException {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        LocalHttp.problem(ex, 401, "unauthorized", "Unauthorized", detail);
    }

    private void corsHeaders(HttpExchange ex, String origin) {
        if (cors.allowOrigins() == null) return;
        if (cors.allowOrigins().contains("*") || cors.allowOrigins().contains(origin)) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", cors.allowOrigins().contains("*") ? "*" : origin);
            if (cors.exposeHeaders() != null) ex.getResponseHeaders().set("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders()));
        }
    }

    /** The payload format 2.0 event, as API Gateway sends it to Lambda. */
    private String event(HttpExchange ex, Route route, Map<String, String> params, Map<String, Object> claims, byte[] body,
                         String method, String rawPath, String path) throws IOException {
        ObjectNode e = json.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", rawPath);
        String rawQuery = ex.getRequestURI().getRawQuery();
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);

        putHeaders(e, ex);
        if (rawQuery != null && !rawQuery.isEmpty()) putQuery(e, rawQuery);
        if (!params.isEmpty()) {
            ObjectNode pp = e.putObject("pathParameters");
            params.forEach(pp::put);
        }
        putRequestContext(e.putObject("requestContext"), ex, route, claims, method, path);
        putBody(e, ex, body);
        return json.writeValueAsString(e);
    }

    /** Headers lower-cased, repeated ones joined with commas; cookies apart, one entry each (as API Gateway does). */
    private static void putHeaders(ObjectNode e, HttpExchange ex) {
        ObjectNode headers = e.putObject("headers");
        List<String> cookies = new ArrayList<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> { for (String c : v.split(";")) if (!c.isBlank()) cookies.add(c.trim()); });
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            var arr = e.putArray("cookies");
            cookies.forEach(arr::add);
        }
    }

    /** Query parameters decoded, repeated ones joined with commas. */
    private static void putQuery(ObjectNode e, String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        ObjectNode qs = e.putObject("queryStringParameters");
        q.forEach((k, v) -> qs.put(k, String.join(",", v)));
    }

    private void putRequestContext(ObjectNode rc, HttpExchange ex, Route route, Map<String, Object> claims, String method, String path) {
        Instant now = clock.get();
        rc.put("accountId", "000000000000");
        rc.put("apiId", "local");
        if (claims != null) putJwt(rc.putObject("authorizer").putObject("jwt"), claims);
        String host = ex.getRequestHeaders().getFirst("Host");
        rc.put("domainName", host == null ? "localhost" : host);
        rc.put("domainPrefix", host == null ? "localhost" : host.split("[.:]")[0]);
        ObjectNode http = rc.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", ex.getProtocol());
        http.put("sourceIp", ex.getRemoteAddress().getAddress().getHostAddress());
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        http.put("userAgent", ua == null ? "" : ua);
        rc.put("requestId", UUID.randomUUID().toString());
        rc.put("routeKey", route.routeKey());
        rc.put("stage", "$default");
        rc.put("time", REQUEST_TIME.format(now));
        rc.put("timeEpoch", now.toEpochMilli());
    }

    private static void putJwt(ObjectNode jwtNode, Map<String, Object> claims) {
        ObjectNode c = jwtNode.putObject("claims");
        claims.forEach((k, v) -> c.put(k, claimString(v)));
        Object scope = claims.get("scope");
        if (scope != null) {
            var scopes = jwtNode.putArray("scopes");
            for (String s : String.valueOf(scope).split(" ")) scopes.add(s);
        } else {
            jwtNode.putNull("scopes");
        }
    }

    /** Text bodies as they are, anything else base64-encoded. */
    private static void putBody(ObjectNode e, HttpExchange ex, byte[] body) {
        if (body.length > 0) {
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (isText(type)) {
                e.put("body", new String(body, StandardCharsets.UTF_8));
                e.put("isBase64Encoded", false);
            } else {
                e.put("body", Base64.getEncoder().encodeToString(body));
                e.put("isBase64Encoded", true);
            }
        } else {
            e.put("isBase64Encoded", false);
        }
    }

    /** API Gateway passes every claim as a string; arrays look like "[a b]". */
    /** A claim as API Gateway hands it to the function: every claim a string (lists in brackets, times in epoch seconds). */
    static String claimString(Object v) {
        if (v instanceof List<?> l) {
            return "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]";
        }
        if (v instanceof java.util.Date d) return Long.toString(d.toInstant().getEpochSecond());
        return String.valueOf(v);
    }

    /** API Gateway base64-encodes bodies unless they are text. */
    static boolean isText(String contentType) {
        if (contentType == null) return true;
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.contains("x-www-form-urlencoded") || t.contains("yaml") || t.contains("charset=");
    }

    private void respond(HttpExchange ex, String result) throws IOException {
        JsonNode r;
        try {
            r = json.readTree(result);
        } catch (IOException e) {
            LocalHttp.send(ex, 200, "application/json", result.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (r == null || !r.isObject() || !r.has("statusCode")) {
            // the simple response format: API Gateway wraps whatever the function returned
            LocalHttp.send(ex, 200, "application/json", result.getBytes(StandardCharsets.UTF_8));
            return;
        }
        int status = r.get("statusCode").asInt();
        if (r.hasNonNull("headers")) r.get("headers").fields().forEachRemaining(h -> ex.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
        if (r.hasNonNull("multiValueHeaders")) {
            r.get("multiValueHeaders").fields().forEachRemaining(h -> h.getValue().forEach(v -> ex.getResponseHeaders().add(h.getKey(), v.asText())));
        }
        if (r.hasNonNull("cookies")) r.get("cookies").forEach(c -> ex.getResponseHeaders().add("Set-Cookie", c.asText()));
        byte[] bytes = new byte[0];
        if (r.hasNonNull("body")) {
            String b = r.get("body").asText();
            bytes = r.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(b) : b.getBytes(StandardCharsets.UTF_8);
        }
        LocalHttp.send(ex, status, null, bytes);
    }
}
