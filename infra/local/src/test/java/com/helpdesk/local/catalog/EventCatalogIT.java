package com.helpdesk.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the running system puts on the bus conforms to the catalog, and the catalog is complete. */
class EventCatalogIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(LocalStackHarness stack, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
        return JSON.readTree(r.body());
    }

    /** The SLA timer starts a ticket's clocks when it sees TicketCreated on its queue: wait for that before moving the clock. */
    private void awaitClocks(LocalStackHarness stack, String token, String ticketPath) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + ticketPath + "/sla"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) return;
            Thread.sleep(150);
        }
        throw new AssertionError("the SLA clocks of " + ticketPath + " never started");
    }

    /** A customers/data_request as Shopify sends it: signed over the raw body with the store's webhook secret. */
    private void dataRequest(LocalStackHarness stack, String secret) throws Exception {
        String body = "{\"shop_id\":954889,\"shop_domain\":\"demo.myshopify.com\",\"orders_requested\":[],"
                + "\"customer\":{\"id\":191167,\"email\":\"a@example.com\",\"phone\":null},\"data_request\":{\"id\":9999}}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/shopify/demo"))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", "customers/data_request")
                .header("X-Shopify-Shop-Domain", "demo.myshopify.com").header("X-Shopify-Event-Id", java.util.UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", hmac).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void everyOperationsEventsConformToTheirSchemas() throws Exception {
        try (LocalStackHarness stack = LocalStackHarness.start()) {
            String t = stack.token("alice", "agent");
            // a store, so that OrderLookupFunction writes each new ticket's order context (OrderContextUpdated)
            call(stack, stack.token("root", "admin"), "PUT", "/stores/demo", "{\"name\":\"Demo\",\"shopDomain\":\"demo.myshopify.com\","
                    + "\"default\":true,\"secrets\":{\"adminApiToken\":\"shpat_local\",\"webhookSecret\":\"whsec_local\"}}");
            dataRequest(stack, "whsec_local"); // CustomerDataExported
            String ticket = "{\"subject\":\"S\",\"requester\":{\"email\":\"%s\"},\"channel\":\"email\",\"tags\":[\"%s\"],\"message\":{\"body\":\"b\"}}";
            JsonNode a = call(stack, t, "POST", "/tickets", ticket.formatted("a@example.com", "one"));
            JsonNode b = call(stack, t, "POST", "/tickets", ticket.formatted("b@example.com", "two"));
            String pa = "/tickets/" + a.get("id").asText();
            call(stack, t, "PATCH", pa, "{\"assignee\":\"bob\",\"priority\":\"high\",\"group\":\"tier1\",\"subject\":\"S2\",\"addTags\":[\"x\"]}");
            JsonNode withNote = call(stack, t, "POST", pa + "/messages", "{\"body\":\"n\",\"visibility\":\"internal\"}");
            call(stack, t, "POST", pa + "/messages", "{\"body\":\"on its way\",\"visibility\":\"public\"}"); // sent: DeliveryUpdated
            call(stack, t, "POST", pa + "/escalate", "{\"reason\":\"angry\"}");
            call(stack, t, "POST", pa + "/links", "{\"ticketId\":\"" + b.get("id").asText() + "\"}");
            call(stack, t, "DELETE", pa + "/links/" + b.get("id").asText(), null);
            call(stack, t, "POST", pa + "/split", "{\"messageIds\":[\"" + withNote.get("messages").get(1).get("id").asText() + "\"]}");
            call(stack, t, "POST", pa + "/merge", "{\"ticketIds\":[\"" + b.get("id").asText() + "\"]}");
            call(stack, t, "PATCH", pa, "{\"status\":\"resolved\"}");
            String survey = call(stack, t, "GET", pa + "/csat", null).get("surveyPath").asText();
            call(stack, null, "POST", survey, "{\"rating\":5,\"comment\":\"thanks\"}");
            // AutoAnswerDecided: a customer's "where is my order" mail; the store's auto-answer is off, and the decision says so
            String wismo = "From: Wes <wes@example.com>\r\nTo: support@help.example.com\r\nSubject: where is my order #1001\r\n"
                    + "Message-ID: <wes-catalog@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Hi, where is my order #1001? It should be here by now.\r\n";
            HttpResponse<String> mailed = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/_local/ses/inbound"))
                    .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofString(wismo)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(mailed.statusCode()).as(mailed.body()).isEqualTo(200);
            // SlaWarning and SlaBreached: a ticket nobody answers, under the built-in policy (firstResponse PT8H)
            String waiting = "/tickets/" + call(stack, t, "POST", "/tickets", ticket.formatted("c@example.com", "three")).get("id").asText();
            awaitClocks(stack, t, waiting);
            call(stack, null, "POST", "/_local/clock", "{\"advance\":\"PT9H\"}");

            Set<String> produced = new TreeSet<>(EventCatalog.detailTypes());
            Set<String> seen = new TreeSet<>();
            List<String> violations = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && !seen.containsAll(produced)) {
                seen.clear();
                violations.clear();
                for (JsonNode e : call(stack, null, "GET", "/_local/events", null)) {
                    JsonNode event = e.get("event");
                    String type = event.get("detail-type").asText();
                    seen.add(type);
                    violations.addAll(EventCatalog.violations(type, event.get("detail")));
                }
                Thread.sleep(250);
            }
            assertThat(violations).isEmpty();
            assertThat(seen).containsAll(produced);
        }
    }
}
