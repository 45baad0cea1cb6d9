package com.helpdesk.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing responses on the JDK HTTP server, including the local stack's own problem+json answers. */
public final class LocalHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalHttp() {}

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        boolean empty = body.length == 0 || status == 204 || status == 304 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    public static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    }

    public static void problem(HttpExchange ex, int status, String type, String title, String detail) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "/problems/" + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ex.getRequestURI().getRawPath());
        send(ex, status, "application/problem+json", JSON.writeValueAsString(p).getBytes(StandardCharsets.UTF_8));
    }
}
