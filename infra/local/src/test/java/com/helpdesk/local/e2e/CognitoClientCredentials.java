package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Tokens for the deployed tier from Cognito's token endpoint (OAuth 2.0 client credentials, RFC 6749 4.4,
 * client authentication by HTTP Basic as Cognito documents for the /oauth2/token endpoint). One app client per
 * role, granted the scope {@code helpdesk/<role>}, which the API reads as the caller's role. The client id
 * and secret of a role come from {@code HELPDESK_<ROLE>_CLIENT_ID} / {@code _CLIENT_SECRET} (environment) or
 * {@code -Dhelpdesk.<role>.clientId} / {@code .clientSecret}. Tokens are reused until a minute before they expire.
 */
final class CognitoClientCredentials {
    /** The app client of one role. */
    record Client(String id, String secret) {}

    private record Cached(String token, Instant expires) {}

    private final URI tokenEndpoint;
    private final Function<String, Client> clients;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    CognitoClientCredentials(String authDomain, Function<String, Client> clients, Clock clock) {
        this.tokenEndpoint = URI.create(authDomain.replaceAll("/+$", "") + "/oauth2/token");
        this.clients = clients;
        this.clock = clock;
    }

    /** The clients configured through the environment or system properties; a role with none is refused with the names to set. */
    static Client configured(String role) {
        String env = "HELPDESK_" + role.toUpperCase(java.util.Locale.ROOT) + "_CLIENT_";
        String id = firstSet(System.getProperty("helpdesk." + role + ".clientId"), System.getenv(env + "ID"));
        String secret = firstSet(System.getProperty("helpdesk." + role + ".clientSecret"), System.getenv(env + "SECRET"));
        if (id == null || secret == null) {
            throw new IllegalStateException("no Cognito app client for the role " + role + ": set " + env + "ID and " + env
                    + "SECRET (or -Dhelpdesk." + role + ".clientId/.clientSecret) to an app client with client credentials"
                    + " and the scope helpdesk/" + role + " (README, \"End-to-end tests against a deployed stack\")");
        }
        return new Client(id, secret);
    }

    private static String firstSet(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    /** The app client id of a role: the subject ({@code sub}) of its tokens. */
    String clientId(String role) {
        return clients.apply(role).id();
    }

    String token(String role) {
        Cached c = cache.get(role);
        if (c != null && clock.instant().isBefore(c.expires())) return c.token();
        Cached fresh = request(role);
        cache.put(role, fresh);
        return fresh.token();
    }

    private Cached request(String role) {
        Client client = clients.apply(role);
        String basic = Base64.getEncoder().encodeToString((form(client.id()) + ":" + form(client.secret())).getBytes(StandardCharsets.UTF_8));
        String body = "grant_type=client_credentials&scope=" + form("helpdesk/" + role);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Cognito at " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint, e);
        }
        JsonNode answer;
        try {
            answer = AgentApiClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(tokenEndpoint + " answered " + response.statusCode() + " with no JSON: " + response.body(), e);
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            // RFC 6749 5.2: error is invalid_client (wrong id or secret), invalid_scope (the client lacks helpdesk/<role>), ...
            throw new IllegalStateException("Cognito refused a token for the role " + role + " (client " + client.id() + "): "
                    + answer.path("error").asText("HTTP " + response.statusCode())
                    + (answer.has("error_description") ? " - " + answer.get("error_description").asText() : ""));
        }
        long lifetime = answer.path("expires_in").asLong(3600);
        return new Cached(answer.get("access_token").asText(), clock.instant().plusSeconds(Math.max(0, lifetime - 60)));
    }

    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
