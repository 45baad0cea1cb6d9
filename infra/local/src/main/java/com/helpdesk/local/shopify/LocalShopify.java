package com.helpdesk.local.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's stub Shopify Admin GraphQL API: a demo shop (resources/shopify/demo-shop.json) answering
 * the documents the order directory sends, {@code customers(query:)}, {@code orders(query:)} and {@code order(id:)}, in
 * Shopify's response shapes with {@code extensions.cost} from a simulated cost bucket. It does not parse
 * GraphQL: it answers every field the adapter asks for. Faults ({@code POST /_local/faults
 * {"service":"shopify","failNext":n,"error":"throttle|unavailable|timeout|unauthorized"}}) make the next
 * n requests fail as Shopify would.
 */
public final class LocalShopify {
    public static final String PATH = "/_local/shopify";
    public static final List<String> ERRORS = List.of("throttle", "unavailable", "timeout", "unauthorized");
    /** Longer than the adapter's request timeout, so a "timeout" fault is one. */
    static final long HANG_MILLIS = 10_000;
    private static final Pattern TERM = Pattern.compile("(\\w+):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode shop;
    private final CostBucket bucket = new CostBucket(2000, 100);
    private final Object faultLock = new Object();
    private int failNext;
    private String failWith = "throttle";

    public LocalShopify() {
        this.shop = load();
    }

    /** The next {@code n} requests fail with {@code error}, one of {@link #ERRORS}; 0 clears. */
    public void failNext(int n, String error) {
        if (!ERRORS.contains(error)) throw new IllegalArgumentException("error must be one of " + ERRORS);
        synchronized (faultLock) {
            failNext = n;
            failWith = error;
        }
    }

    /**
     * Ships an order of the demo shop as a merchant would in Shopify's admin: a fulfillment with tracking, the order
     * FULFILLED. What Shopify then tells the app by webhook, tests send themselves (signed with the store's secret).
     */
    public synchronized void fulfill(String orderName, String carrier, String trackingNumber, String trackingUrl, String displayStatus) {
        for (JsonNode c : shop.path("customers")) {
            for (JsonNode o : c.path("orders").path("nodes")) {
                if (!o.path("name").asText().equals(orderName)) continue;
                ObjectNode order = (ObjectNode) o;
                ObjectNode f = JSON.createObjectNode().put("status", "SUCCESS").put("displayStatus", displayStatus).putNull("deliveredAt");
                f.putArray("trackingInfo").addObject().put("company", carrier).put("number", trackingNumber).put("url", trackingUrl);
                order.withArrayProperty("fulfillments").insert(0, f);
                order.put("displayFulfillmentStatus", "FULFILLED");
                return;
            }
        }
        throw new IllegalArgumentException("the demo shop has no order " + orderName);
    }

    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(PATH.length());
        if (!ex.getRequestMethod().equals("POST") || !path.matches("/admin/api/\\d{4}-\\d{2}/graphql\\.json")) {
            LocalHttp.json(ex, 404, JSON.createObjectNode().put("errors", "Not Found"));
            return;
        }
        String token = ex.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        if (token == null || token.isBlank()) {
            unauthorized(ex);
            return;
        }
        JsonNode request;
        try (InputStream in = ex.getRequestBody()) {
            request = JSON.readTree(in);
        } catch (IOException e) {
            LocalHttp.json(ex, 400, JSON.createObjectNode().put("errors", "Bad Request"));
            return;
        }
        if (fault(ex)) return;
        String document = request.path("query").asText();
        String search = request.path("variables").path("query").asText("");
        boolean customers = document.contains("customers(");
        boolean order = document.contains("order(id:");
        double requested = customers ? 152 : order ? 3 : 64;
        ObjectNode answer = JSON.createObjectNode();
        if (!bucket.take(requested)) {
            answer.putArray("errors").addObject().put("message", "Throttled")
                    .putObject("extensions").put("code", "THROTTLED").put("documentation", "https://shopify.dev/api/usage/rate-limits");
        } else {
            ObjectNode data = answer.putObject("data");
            // a copy under the lock: fulfill() may change the shop while the answer is written
            synchronized (this) {
                if (customers) data.putObject("customers").set("nodes", customersMatching(search).deepCopy());
                else if (order) data.set("order", buyerOf(request.path("variables").path("id").asText("")));
                else data.putObject("orders").set("nodes", ordersMatching(search, request.path("variables").path("first").asInt(10)).deepCopy());
            }
        }
        answer.set("extensions", bucket.extensions(requested, requested / 5));
        LocalHttp.json(ex, 200, answer);
    }

    private boolean fault(HttpExchange ex) throws IOException {
        String error;
        synchronized (faultLock) {
            if (failNext == 0) return false;
            failNext--;
            error = failWith;
        }
        switch (error) {
            case "throttle" -> {
                ObjectNode answer = JSON.createObjectNode();
                answer.putArray("errors").addObject().put("message", "Throttled")
                        .putObject("extensions").put("code", "THROTTLED").put("documentation", "https://shopify.dev/api/usage/rate-limits");
                // An empty bucket at the standard restore rate: the adapter waits 1.5 s and tries again.
                ObjectNode cost = answer.putObject("extensions").putObject("cost");
                cost.put("requestedQueryCost", 152).putNull("actualQueryCost");
                cost.putObject("throttleStatus").put("maximumAvailable", 2000.0).put("currentlyAvailable", 0).put("restoreRate", 100.0);
                LocalHttp.json(ex, 200, answer);
            }
            case "unavailable" -> LocalHttp.send(ex, 503, "text/html", "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
            case "unauthorized" -> unauthorized(ex);
            default -> {
                try {
                    Thread.sleep(HANG_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LocalHttp.send(ex, 504, "text/plain", "Gateway Timeout".getBytes(StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    private static void unauthorized(HttpExchange ex) throws IOException {
        LocalHttp.json(ex, 401, JSON.createObjectNode().put("errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"));
    }

    /** Customers whose default email or phone equals the search's email/phone term. */
    private ArrayNode customersMatching(String search) {
        ArrayNode out = JSON.createArrayNode();
        for (String[] term : terms(search)) {
            for (JsonNode c : shop.path("customers")) {
                boolean hit = switch (term[0]) {
                    case "email" -> term[1].equalsIgnoreCase(c.path("defaultEmailAddress").path("emailAddress").asText());
                    case "phone" -> term[1].equals(c.path("defaultPhoneNumber").path("phoneNumber").asText());
                    default -> false;
                };
                if (hit && out.isEmpty()) out.add(c);
            }
        }
        return out;
    }

    /** {@code order(id:)} as the buyer query asks it: the order's contact email and phone, and its customer's defaults; null when unknown. */
    private JsonNode buyerOf(String gid) {
        for (JsonNode c : shop.path("customers")) {
            for (JsonNode o : c.path("orders").path("nodes")) {
                if (!o.path("id").asText().equals(gid)) continue;
                ObjectNode out = JSON.createObjectNode().put("id", gid);
                out.set("email", c.path("defaultEmailAddress").path("emailAddress").deepCopy());
                out.putNull("phone");
                ObjectNode customer = out.putObject("customer");
                customer.set("defaultEmailAddress", c.path("defaultEmailAddress").deepCopy());
                customer.set("defaultPhoneNumber", c.path("defaultPhoneNumber").deepCopy());
                return out;
            }
        }
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    /** Orders by name (exact, case-insensitive) or by their customer's email, newest first. */
    private ArrayNode ordersMatching(String search, int first) {
        List<JsonNode> found = new ArrayList<>();
        for (String[] term : terms(search)) {
            for (JsonNode c : shop.path("customers")) {
                String email = c.path("defaultEmailAddress").path("emailAddress").asText();
                for (JsonNode o : c.path("orders").path("nodes")) {
                    boolean hit = switch (term[0]) {
                        case "name" -> term[1].equalsIgnoreCase(o.path("name").asText());
                        case "email" -> term[1].equalsIgnoreCase(email);
                        default -> false;
                    };
                    if (hit && !found.contains(o)) found.add(o);
                }
            }
        }
        found.sort((a, b) -> b.path("createdAt").asText().compareTo(a.path("createdAt").asText()));
        ArrayNode out = JSON.createArrayNode();
        found.stream().limit(first).forEach(out::add);
        return out;
    }

    /** The search syntax's field:value and field:"quoted value" terms (joined by OR, which is all the adapter sends). */
    static List<String[]> terms(String search) {
        List<String[]> terms = new ArrayList<>();
        Matcher m = TERM.matcher(search);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            terms.add(new String[] {m.group(1).toLowerCase(Locale.ROOT), value});
        }
        return terms;
    }

    private static JsonNode load() {
        try (InputStream in = LocalShopify.class.getResourceAsStream("/shopify/demo-shop.json")) {
            if (in == null) throw new IllegalStateException("resources/shopify/demo-shop.json is missing");
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
