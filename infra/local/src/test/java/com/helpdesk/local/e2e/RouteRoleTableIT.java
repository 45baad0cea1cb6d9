package com.helpdesk.local.e2e;

import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackHarness;
import com.helpdesk.local.LocalStackOptions;
import com.helpdesk.local.api.LocalJwt;
import com.helpdesk.local.api.Route;
import com.helpdesk.localaws.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HttpApi route of template.yaml, called with every role, no token, a forged token (bad signature)
 * and an expired token, against the expected access of the table below: a route without its row fails.
 * The same stack also answers hostile paths and bodies on every route (never 5xx, never the parser's
 * names) and its health endpoint while starting (503 problem+json, never 500 or text/html).
 */
class RouteRoleTableIT {
    private static final Set<String> STAFF = Set.of("agent", "admin");
    private static final Set<String> PUBLIC = Set.of("public");
    private static final Set<String> ANY_ROLE = Set.of("agent", "admin", "integration");
    /** Who may call each route: roles, or PUBLIC (no authorizer: the function authenticates otherwise). */
    private static final Map<String, Set<String>> ACCESS = Map.ofEntries(
            Map.entry("POST /tickets", STAFF), Map.entry("GET /tickets", STAFF), Map.entry("GET /tickets/{id}", STAFF),
            Map.entry("PATCH /tickets/{id}", STAFF), Map.entry("POST /tickets/{id}/messages", STAFF),
            Map.entry("POST /tickets/{id}/escalate", STAFF), Map.entry("GET /tickets/{id}/history", STAFF),
            Map.entry("POST /tickets/{id}/links", STAFF), Map.entry("DELETE /tickets/{id}/links/{otherId}", STAFF),
            Map.entry("POST /tickets/{id}/merge", STAFF), Map.entry("POST /tickets/bulk", STAFF),
            Map.entry("POST /tickets/{id}/split", STAFF), Map.entry("GET /tickets/{id}/csat", STAFF),
            Map.entry("GET /tickets/{id}/attachments/{attachmentId}", STAFF), Map.entry("GET /inbound/unthreaded", STAFF),
            Map.entry("POST /ai/conversations", Set.of("integration")),
            Map.entry("GET /channels", Set.of("admin")), Map.entry("GET /channels/{channelId}", Set.of("admin")),
            Map.entry("PUT /channels/{channelId}", Set.of("admin")), Map.entry("DELETE /channels/{channelId}", Set.of("admin")),
            Map.entry("GET /business-hours", STAFF), Map.entry("GET /business-hours/{id}", STAFF),
            Map.entry("PUT /business-hours/{id}", Set.of("admin")), Map.entry("DELETE /business-hours/{id}", Set.of("admin")),
            Map.entry("POST /business-hours/{id}/preview", STAFF),
            Map.entry("GET /sla-policies", STAFF), Map.entry("GET /sla-policies/{id}", STAFF),
            Map.entry("PUT /sla-policies/{id}", Set.of("admin")), Map.entry("DELETE /sla-policies/{id}", Set.of("admin")),
            Map.entry("GET /tickets/{id}/sla", STAFF),
            Map.entry("GET /openapi.yaml", ANY_ROLE),
            Map.entry("GET /metrics", STAFF), Map.entry("GET /metrics/agents", STAFF),
            Map.entry("GET /stores", Set.of("admin")), Map.entry("GET /stores/{storeId}", Set.of("admin")),
            Map.entry("PUT /stores/{storeId}", Set.of("admin")), Map.entry("DELETE /stores/{storeId}", Set.of("admin")),
            Map.entry("GET /customers/{customer}", STAFF),
            Map.entry("POST /intents/classify", ANY_ROLE),
            Map.entry("GET /agents", STAFF), Map.entry("GET /agents/{id}", STAFF), Map.entry("PATCH /agents/me", STAFF),
            Map.entry("PUT /agents/{id}", Set.of("admin")), Map.entry("DELETE /agents/{id}", Set.of("admin")),
            Map.entry("GET /routing-rules", STAFF), Map.entry("GET /routing-rules/{id}", STAFF),
            Map.entry("PUT /routing-rules/{id}", Set.of("admin")), Map.entry("DELETE /routing-rules/{id}", Set.of("admin")),
            Map.entry("GET /csat/{token}", PUBLIC), Map.entry("POST /csat/{token}", PUBLIC),
            Map.entry("GET /webhooks/chat/{channelId}", PUBLIC), Map.entry("POST /webhooks/chat/{channelId}", PUBLIC),
            Map.entry("POST /webhooks/shopify/{storeId}", PUBLIC));
    private static final Map<String, String> PARAMETERS = Map.of("id", "tkt_00000000000000000000000000", "otherId", "1042",
            "attachmentId", "att_1", "channelId", "nope", "token", "abc.def", "storeId", "nope", "customer", "nobody@example.com");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalStack stack;
    private static String baseUrl;
    private static final List<Integer> healthWhileStarting = new ArrayList<>();
    private static final Map<String, String> credentials = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        int port = FreePort.resolve(0);
        baseUrl = "http://127.0.0.1:" + port;
        CompletableFuture<LocalStack> starting = CompletableFuture.supplyAsync(() -> LocalStack.start(
                new LocalStackOptions("127.0.0.1", port, LocalStackHarness.root().resolve("template.yaml"), Map.of())));
        while (!starting.isDone()) {
            try {
                HttpResponse<String> r = send("GET", "/_local/health", null, null);
                healthWhileStarting.add(r.statusCode());
                Thread.sleep(100);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as("health while starting: " + r.body())
                        .startsWith(r.statusCode() == 503 ? "application/problem+json" : "application/json");
                if (r.statusCode() == 503) assertThat(r.body()).contains("/problems/starting");
            } catch (java.io.IOException notListeningYet) {
                Thread.sleep(100); // a polling interval, not an assertion
            }
        }
        stack = starting.get();
        java.time.Instant lifetimeAgo = java.time.Instant.now().minus(LocalJwt.LIFETIME).minusSeconds(60);
        for (String role : List.of("agent", "admin", "integration")) {
            credentials.put("expired " + role, stack.jwt().issue("old-" + role, role, stack.defaultAudience(), lifetimeAgo).token());
        }
        for (String role : List.of("agent", "admin", "integration")) credentials.put(role, stack.token("u-" + role, role));
        // the local clock is business time: moving it on past a token's lifetime (as the demo and the SLA walkthroughs do)
        // expires no token, only real time does
        stack.clock().advance(LocalJwt.LIFETIME.plusMinutes(1));
        credentials.put("none", null);
        credentials.put("forged", forged(stack.token("mallory", "agent")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    /** An agent's token whose payload now claims admin, with the agent token's signature: a bad signature. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"agent\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(Route r, Map<String, String> values) {
        String p = r.path();
        for (String name : r.params()) p = p.replace("{" + name + "}", values.get(name));
        return p;
    }

    private static String bodyFor(Route r) {
        return Set.of("POST", "PUT", "PATCH").contains(r.method()) ? "{}" : null;
    }

    @Test
    void everyRouteAnswersEveryCredentialAsItsRowSays() throws Exception {
        assertThat(healthWhileStarting).as("health answers while starting").doesNotContain(500);
        System.out.println("health while starting: " + healthWhileStarting.stream().filter(s -> s == 503).count() + " x 503 starting, then 200");
        Set<String> templateRoutes = new TreeSet<>();
        stack.routes().forEach(r -> templateRoutes.add(r.routeKey()));
        assertThat(templateRoutes).as("every route of template.yaml has its row, and every row a route").isEqualTo(new TreeSet<>(ACCESS.keySet()));
        int probes = 0;
        for (Route route : stack.routes()) {
            Set<String> access = ACCESS.get(route.routeKey());
            Map<String, Integer> publicAnswers = new LinkedHashMap<>();
            for (Map.Entry<String, String> credential : credentials.entrySet()) {
                HttpResponse<String> r = send(route.method(), path(route, PARAMETERS), credential.getValue(), bodyFor(route));
                probes++;
                String what = route.routeKey() + " as " + credential.getKey() + " -> " + r.statusCode() + " " + r.body();
                assertThat(r.statusCode()).as(what).isLessThan(500);
                if (access == PUBLIC) {
                    publicAnswers.put(credential.getKey(), r.statusCode());
                } else if (credential.getValue() == null || credential.getKey().startsWith("expired") || credential.getKey().equals("forged")) {
                    assertThat(r.statusCode()).as(what).isEqualTo(401);
                } else if (access.contains(credential.getKey())) {
                    assertThat(r.statusCode()).as(what).isNotIn(401, 403);
                } else {
                    assertThat(r.statusCode()).as(what).isEqualTo(403);
                }
                if (r.statusCode() >= 400) assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith(route.routeKey().startsWith("GET /csat") ? "text/html" : "application/problem+json");
            }
            if (access == PUBLIC) assertThat(new TreeSet<>(publicAnswers.values())).as(route.routeKey() + " ignores bearer tokens: " + publicAnswers).hasSize(1);
        }
        System.out.println("route x credential table: " + stack.routes().size() + " routes x " + credentials.size() + " credentials = " + probes + " calls, all as expected");
    }

    @Test
    void hostilePathsAndBodiesAreProblemsOnEveryRoute() throws Exception {
        // no URI class sends a malformed escape: write the request line by hand, as a hostile client does
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", stack.port())) {
            s.getOutputStream().write(("GET /tickets/%ZZ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + credentials.get("agent")
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain("<h1>");
        }
        for (String doubled : List.of("//tickets", "/tickets//history", "//")) {
            HttpResponse<String> r = send("GET", doubled, credentials.get("agent"), null);
            assertThat(r.statusCode()).as(doubled).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(doubled).contains("application/problem+json");
        }
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> r = send(method, "/channels/" + "a".repeat(3000), credentials.get("admin"), null);
            assertThat(r.statusCode()).as(method + " a 3,000-character channel id").isEqualTo(400);
            assertThat(r.body()).contains("channelId");
        }
        List<String> hostile = List.of("{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}", "{\"n\":" + "9".repeat(5000) + "}",
                "{\"a\":1,\"a\":2}", "{\"subject\":\"a\\r\\nBcc: x@evil.example\"}", "{\"message\":{\"text\":42,\"attachments\":[{\"url\":\"file:///etc/passwd\"}]}}",
                "{\"x\":", "\u00ff");
        int probes = 0;
        for (Route route : stack.routes()) {
            if (bodyFor(route) == null) continue;
            Set<String> access = ACCESS.get(route.routeKey());
            String token = access == PUBLIC ? null : credentials.get(access.iterator().next());
            for (String body : hostile) {
                HttpResponse<String> r = send(route.method(), path(route, PARAMETERS), token, body);
                probes++;
                assertThat(r.statusCode()).as(route.routeKey() + " " + r.body()).isBetween(400, 499);
                assertThat(r.body()).as(route.routeKey()).doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("fasterxml")
                        .doesNotContain("StreamReadConstraints").doesNotContain("Exception").doesNotContain("<h1>");
            }
        }
        System.out.println("hostile bodies through the local stack: " + probes + " calls, every one a 4xx in the API's words");
    }
}
