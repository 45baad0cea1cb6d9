package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Talks to the local stack over HTTP exactly as an agent's frontend would. */
final class AgentApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final Duration timeout;

    AgentApiClient(String baseUrl, String token) {
        this(baseUrl, token, Duration.ofSeconds(30));
    }

    private AgentApiClient(String baseUrl, String token, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.timeout = timeout;
    }

    AgentApiClient as(String otherToken) {
        return new AgentApiClient(baseUrl, otherToken, timeout);
    }

    /** The same client waiting longer for each answer (many requests queued for the same function's instances). */
    AgentApiClient patient(Duration longer) {
        return new AgentApiClient(baseUrl, token, longer);
    }

    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    /**
     * The intent of the ticket at {@code ticketPath} once triage has classified it and tagged the ticket (through
     * the bus, so polled). Triage stores the intent, then tags the ticket as a change of its own: a version read
     * before the tag is there goes stale.
     */
    JsonNode awaitIntent(String ticketPath) {
        JsonNode ticket = Eventually.await(() -> get(ticketPath).json(), AgentApiClient::triaged, "the intent of " + ticketPath);
        return ticket.get("intent");
    }

    private static boolean triaged(JsonNode ticket) {
        JsonNode intent = ticket.get("intent");
        if (intent == null || intent.isNull()) return false;
        JsonNode name = intent.get("name");
        if (name == null || name.isNull()) return true;
        for (JsonNode tag : ticket.path("tags")) {
            if (tag.asText().equals("intent:" + name.asText())) return true;
        }
        return false;
    }

    Reply post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    Reply patch(String path, String body, String ifMatch) {
        return send("PATCH", path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }
}
