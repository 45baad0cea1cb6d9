package com.helpdesk.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderDirectoryException.Kind;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one Admin GraphQL document to a shop and answers its {@code data}, or a typed failure with a
 * reason an agent can act on. Honours the cost-based throttle ({@link CostThrottle}) and retries a
 * THROTTLED answer at most {@link #ATTEMPTS} times; every other failure is answered at once, since the
 * queue in front of the function retries with backoff.
 */
final class AdminGraphqlClient {
    static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http;
    private final String endpointOverride;
    private final CostThrottle throttle;
    private final Duration timeout;
    /** The last requested cost of each document, so the next one waits for that many points. */
    private final Map<String, Double> lastCost = new ConcurrentHashMap<>();

    /** {@code endpointOverride}: a base URL replacing {@code https://<shop>} (the local stub shop), or null. */
    AdminGraphqlClient(HttpClient http, String endpointOverride, CostThrottle throttle, Duration timeout) {
        this.http = http;
        this.endpointOverride = endpointOverride == null || endpointOverride.isBlank() ? null : endpointOverride.replaceAll("/+$", "");
        this.throttle = throttle;
        this.timeout = timeout;
    }

    URI endpoint(String shopDomain) {
        String base = endpointOverride != null ? endpointOverride : "https://" + shopDomain;
        return URI.create(base + "/admin/api/" + ShopifyQueries.API_VERSION + "/graphql.json");
    }

    JsonNode execute(String shopDomain, String token, String document, Map<String, Object> variables) throws OrderDirectoryException {
        byte[] body = requestBody(document, variables);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            throttle.beforeRequest(shopDomain, lastCost.getOrDefault(document, CostThrottle.FIRST_GUESS));
            HttpResponse<byte[]> response = send(shopDomain, token, body);
            if (response.statusCode() == 429) {
                throttle.afterThrottled(shopDomain, lastCost.getOrDefault(document, CostThrottle.FIRST_GUESS));
                continue;
            }
            failOnStatus(shopDomain, response.statusCode());
            JsonNode answer = parse(shopDomain, response.body());
            double requested = observeCost(shopDomain, document, answer);
            JsonNode errors = answer.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                if (isThrottled(errors)) {
                    throttle.afterThrottled(shopDomain, requested);
                    continue;
                }
                throw graphqlError(shopDomain, errors);
            }
            JsonNode data = answer.path("data");
            if (!data.isObject()) throw new OrderDirectoryException(Kind.BAD_RESPONSE, "shopify: " + shopDomain + " answered without data");
            return data;
        }
        throw new OrderDirectoryException(Kind.THROTTLED, "shopify: " + shopDomain + " still throttled after " + ATTEMPTS + " attempts");
    }

    private byte[] requestBody(String document, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        try {
            return JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL variables are not serialisable", e);
        }
    }

    private HttpResponse<byte[]> send(String shopDomain, String token, byte[] body) throws OrderDirectoryException {
        HttpRequest request = HttpRequest.newBuilder(endpoint(shopDomain))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new OrderDirectoryException(Kind.TIMEOUT, "shopify: " + shopDomain + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new OrderDirectoryException(Kind.UNAVAILABLE, "shopify: " + shopDomain + " could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderDirectoryException(Kind.TIMEOUT, "shopify: interrupted while waiting for " + shopDomain, e);
        }
    }

    private static void failOnStatus(String shop, int status) throws OrderDirectoryException {
        if (status == 200) return;
        String prefix = "shopify: " + shop + " ";
        switch (status) {
            case 401 -> throw new OrderDirectoryException(Kind.UNAUTHORIZED, prefix + "refused the Admin API token (401); check the store's adminApiToken");
            case 402 -> throw new OrderDirectoryException(Kind.UNAVAILABLE, prefix + "is frozen for an unpaid bill (402)");
            case 403 -> throw new OrderDirectoryException(Kind.FORBIDDEN, prefix + "denied access (403); the app needs read_customers, read_orders and read_fulfillments");
            case 404 -> throw new OrderDirectoryException(Kind.SHOP_NOT_FOUND, prefix + "was not found (404); check the store's shopDomain");
            case 423 -> throw new OrderDirectoryException(Kind.UNAVAILABLE, prefix + "is locked (423)");
            default -> {
                if (status >= 500) throw new OrderDirectoryException(Kind.UNAVAILABLE, prefix + "answered " + status);
                throw new OrderDirectoryException(Kind.BAD_RESPONSE, prefix + "answered an unexpected " + status);
            }
        }
    }

    private static JsonNode parse(String shop, byte[] body) throws OrderDirectoryException {
        try {
            JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) throw new IOException("not a JSON object");
            return node;
        } catch (IOException e) {
            throw new OrderDirectoryException(Kind.BAD_RESPONSE, "shopify: " + shop + " answered something that is not GraphQL JSON", e);
        }
    }

    /** Records {@code extensions.cost}; answers the requested cost (what a retry must wait for). */
    private double observeCost(String shop, String document, JsonNode answer) {
        JsonNode cost = answer.path("extensions").path("cost");
        double requested = cost.path("requestedQueryCost").asDouble(CostThrottle.FIRST_GUESS);
        if (cost.isObject()) lastCost.put(document, requested);
        JsonNode status = cost.path("throttleStatus");
        if (status.isObject()) {
            throttle.observed(shop, status.path("maximumAvailable").asDouble(), status.path("currentlyAvailable").asDouble(),
                    status.path("restoreRate").asDouble());
        }
        return requested;
    }

    private static boolean isThrottled(JsonNode errors) {
        for (JsonNode e : errors) {
            if ("THROTTLED".equals(e.path("extensions").path("code").asText())) return true;
            if ("Throttled".equalsIgnoreCase(e.path("message").asText())) return true; // older answers carry no code
        }
        return false;
    }

    private static OrderDirectoryException graphqlError(String shop, JsonNode errors) {
        JsonNode first = errors.get(0);
        String code = first.path("extensions").path("code").asText("");
        String message = first.path("message").asText("unknown error");
        if (code.equals("ACCESS_DENIED")) {
            return new OrderDirectoryException(Kind.FORBIDDEN, "shopify: " + shop + " denied access: " + message);
        }
        return new OrderDirectoryException(Kind.BAD_RESPONSE, "shopify: " + shop + " refused the query: " + message);
    }
}
