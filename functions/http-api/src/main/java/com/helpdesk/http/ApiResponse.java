package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.runtime.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds HTTP API responses; JSON bodies go through the project's one mapper. */
public final class ApiResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private ApiResponse(int status) {
        this.status = status;
    }

    public static ApiResponse status(int status) {
        return new ApiResponse(status);
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status).header("Content-Type", "application/json").body(write(value));
    }

    public static ApiResponse problem(HttpProblem p, String instance) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "/problems/" + p.type());
        doc.put("title", p.title());
        doc.put("status", p.status());
        doc.put("detail", p.detail());
        if (instance != null) doc.put("instance", instance);
        List<Map<String, String>> errors = p.errors();
        if (!errors.isEmpty()) doc.put("errors", errors);
        ApiResponse r = new ApiResponse(p.status()).header("Content-Type", "application/problem+json").body(write(doc));
        p.headers().forEach(r::header);
        return r;
    }

    public ApiResponse header(String name, String value) {
        if (value != null) headers.put(name, value);
        return this;
    }

    public ApiResponse body(String body) {
        this.body = body;
        return this;
    }

    public int statusCode() {
        return status;
    }

    public APIGatewayV2HTTPResponse toEvent() {
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(status);
        r.setHeaders(new LinkedHashMap<>(headers));
        r.setBody(body);
        r.setIsBase64Encoded(false);
        return r;
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }
}
