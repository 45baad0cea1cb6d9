package com.helpdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The stack as a user, an integration or an operator sees it: its public HTTP API and the local
 * stack's /_local endpoints (tokens, the clock, SES inbound). Knows the local clock at every moment
 * without asking: it is real time plus the offset the last answer of /_local/clock showed.
 */
public final class StackClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private volatile Duration clockOffset = Duration.ZERO;

    public StackClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An answer: its status and body (JSON when it is JSON). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new SimulationException("not JSON: " + body);
            }
        }
    }

    public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new SimulationException(method + " " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException(method + " " + path + " interrupted");
        }
    }

    /** Sends and insists on a 2xx answer. */
    public JsonNode expect(String method, String path, String token, String body) {
        return expect(method, path, token, body, Map.of());
    }

    public JsonNode expect(String method, String path, String token, String body, Map<String, String> headers) {
        Reply r = send(method, path, token, body, headers);
        if (r.status() / 100 != 2) throw new SimulationException(method + " " + path + " answered " + r.status() + ": " + r.body());
        return r.body().isEmpty() ? JSON.createObjectNode() : r.json();
    }

    /** A token of the local stack's authorizer (POST /_local/token). */
    public String token(String subject, String role) {
        return expect("POST", "/_local/token", null, JSON.createObjectNode().put("sub", subject).put("role", role).toString()).get("token").asText();
    }

    /**
     * Waits until GET /_local/health says the stack is up (it answers 503 while its functions start). A request
     * that fails (not listening yet, or no answer within the timeout on a machine loaded while the functions start)
     * is asked again until the deadline, like a 503.
     */
    public void awaitReady(int seconds) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            String state;
            try {
                Reply r = send("GET", "/_local/health", null, null, Map.of());
                if (r.status() == 200) return;
                state = r.status() + " " + r.body();
            } catch (SimulationException unanswered) {
                state = unanswered.getMessage();
            }
            if (System.currentTimeMillis() > deadline) throw new SimulationException("the stack is not up after " + seconds + " s: " + state);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("interrupted");
            }
        }
    }

    /** The local clock, read from the stack. */
    public Instant readClock() {
        return observe(expect("GET", "/_local/clock", null, null));
    }

    /**
     * Moves the local clock to {@code target}. The schedules that fall due fire, each at most once (their
     * latest occurrence; catchUp 1): the SLA sweep and auto-close take everything due by then anyway, and a
     * move costs one sweep rather than one per minute moved.
     */
    public Instant setClock(Instant target) {
        return observe(expect("POST", "/_local/clock", null, JSON.createObjectNode().put("set", target.toString()).put("catchUp", 1).toString()));
    }

    private Instant observe(JsonNode answer) {
        Instant now = Instant.parse(answer.get("now").asText());
        clockOffset = Duration.between(Instant.now(), now);
        return now;
    }

    /** The local clock now, as the stack's own: real time plus its offset. */
    public Instant clock() {
        return Instant.now().plus(clockOffset);
    }
}
