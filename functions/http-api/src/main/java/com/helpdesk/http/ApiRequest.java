package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** A decoded HTTP API (payload format 2.0) request: route, parameters, headers, body and caller. */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;
    private final Caller caller;
    private final byte[] body;

    ApiRequest(APIGatewayV2HTTPEvent event, Caller caller, byte[] body) {
        this.event = event;
        this.caller = caller;
        this.body = body;
    }

    static byte[] decodeBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) return new byte[0];
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("the request body is not valid base64");
            }
        }
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    public Caller caller() { return caller; }

    public String routeKey() { return event.getRouteKey(); }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    public String pathParameter(String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    /** A query parameter; API Gateway joins repeated parameters with commas, which we refuse as ambiguous. */
    public String query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        String v = q == null ? null : q.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public Map<String, String> queryParameters() {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? Map.of() : q;
    }

    /** Header lookup, case-insensitive (API Gateway lower-cases names in format 2.0). */
    public String header(String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return null;
        String v = h.get(name.toLowerCase(Locale.ROOT));
        if (v != null) return v;
        for (Map.Entry<String, String> e : h.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public byte[] body() { return body; }

    /** The URL the caller used (scheme, host, path, query as sent): what some providers sign. */
    public String url() {
        String host = header("host");
        if (host == null && event.getRequestContext() != null) host = event.getRequestContext().getDomainName();
        String proto = header("x-forwarded-proto") == null ? "https" : header("x-forwarded-proto");
        String query = event.getRawQueryString() == null || event.getRawQueryString().isEmpty() ? "" : "?" + event.getRawQueryString();
        return proto + "://" + host + event.getRawPath() + query;
    }

    /** Every header, names lower-cased. */
    public Map<String, String> headers() {
        Map<String, String> out = new java.util.HashMap<>();
        if (event.getHeaders() != null) event.getHeaders().forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }
}
