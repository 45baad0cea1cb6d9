package com.helpdesk.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The soak's side of the wire: requests to the local stack as agents, SES and chat providers send them. */
final class SoakHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Deliveries after the first: SES retries an asynchronous invocation twice, providers and clients a few times. */
    private static final int MAX_DELIVERIES = 8;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final AtomicInteger retries = new AtomicInteger();

    SoakHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean retryable() {
            return status >= 500 || status == 429;
        }
    }

    Answer send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            // no answer in time is what a gateway answers 504 for: resent like a server error, counted if it stays so
            return new Answer(504, method + " " + path + ": no answer within the client's timeout");
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    /**
     * Sends until the answer is neither a server error nor a throttle, as SES (for its Lambda action), chat
     * providers (for webhooks) and a well-behaved API client (with its Idempotency-Key) do; each resend counts.
     */
    Answer deliver(String method, String path, String token, String body, Map<String, String> headers) {
        Answer a = send(method, path, token, body, headers);
        for (int attempt = 1; a.retryable() && attempt < MAX_DELIVERIES; attempt++) {
            retries.incrementAndGet();
            pause(Duration.ofMillis(100L * attempt));
            a = send(method, path, token, body, headers);
        }
        return a;
    }

    /** Resends after a server error or a throttle so far. */
    int retries() {
        return retries.get();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
