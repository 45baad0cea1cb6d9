package com.helpdesk.http;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem to answer with. Thrown anywhere in request handling; the router turns it into
 * an application/problem+json response. {@code type} is a short slug, published as /problems/&lt;slug&gt;.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Map<String, String>> errors;
    private final Map<String, String> headers;

    public HttpProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public HttpProblem(int status, String type, String title, String detail, List<Map<String, String>> errors,
                       Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "bad-request", "Bad Request", detail);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public List<Map<String, String>> errors() { return errors; }
    public Map<String, String> headers() { return headers; }
}
