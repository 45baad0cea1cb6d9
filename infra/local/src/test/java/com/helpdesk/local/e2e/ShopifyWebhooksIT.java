package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shopify webhooks through the local stack as Shopify sends them: signed with the store's webhook secret over the
 * raw body, to the public route; the webhook function queues them and the lookup function refreshes the open
 * tickets of that customer, which the agents' API then shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the store's erasure last: it removes the store the others use
class ShopifyWebhooksIT {
    private static final String SECRET = "local-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStackHarness stack;
    private static AgentApiClient agent;
    private static AgentApiClient admin;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        // each function's first answer is a cold start: on a busy machine that takes longer than the usual 30 s
        admin = new AgentApiClient(stack.baseUrl(), stack.token("root", "admin")).patient(java.time.Duration.ofSeconds(120));
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent")).patient(java.time.Duration.ofSeconds(120));
        AgentApiClient.Reply store = admin.send("PUT", "/stores/demo", """
                {"name": "Demo Outdoor", "shopDomain": "demo.myshopify.com", "default": true,
                 "secrets": {"adminApiToken": "shpat_local_demo", "webhookSecret": "%s"}}""".formatted(SECRET), Map.of());
        assertThat(store.status()).as(store.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static void mail(String from, String subject, String body) {
        String raw = "From: " + from + "\r\nTo: Demo Outdoor Support <support@help.example.com>\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        AgentApiClient.Reply r = agent.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static String ticketOf(String email) {
        return Eventually.await(() -> agent.get("/tickets?requester=" + email).json().get("items"), items -> items.size() == 1,
                "the ticket of " + email, java.time.Duration.ofSeconds(120)).get(0).get("id").asText();
    }

    static JsonNode order(JsonNode context, String name) {
        for (JsonNode o : context.get("orders")) if (o.get("name").asText().equals(name)) return o;
        return null;
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static AgentApiClient.Reply deliver(String store, String topic, String eventId, String body, String signature) {
        // one delivery per store, topic and event: a redelivery carries the same webhook id, as Shopify's retries do
        String webhookId = UUID.nameUUIDFromBytes((store + "#" + topic + "#" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json", "X-Shopify-Topic", topic,
                "X-Shopify-Shop-Domain", "demo.myshopify.com", "X-Shopify-Event-Id", eventId, "X-Shopify-API-Version", "2026-10",
                "X-Shopify-Webhook-Id", webhookId, "X-Shopify-Triggered-At", "2026-12-01T10:05:00.000Z"));
        if (signature != null) headers.put("X-Shopify-Hmac-Sha256", signature);
        return agent.as(null).send("POST", "/webhooks/shopify/" + store, body, headers);
    }

    @Test
    void aFulfillmentWebhookPutsTheNewTrackingOnTheCustomersOpenTicket() throws Exception {
        mail("Ana Demo <ana@example.com>", "Still waiting", "Hi, my order #1009 has not shipped yet? Ana");
        String id = ticketOf("ana@example.com");
        JsonNode before = Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> !c.isNull() && c.get("status").asText().equals("ok"), "the order context of " + id, java.time.Duration.ofSeconds(120));
        assertThat(order(before, "#1009").get("fulfillments")).isEmpty();

        // the merchant ships #1009 in Shopify; Shopify sends fulfillments/create (its REST shape, events/shopify)
        stack.stack().shopify().fulfill("#1009", "DHL Express", "JD014600009876543210",
                "https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600009876543210", "IN_TRANSIT");
        ObjectNode payload = (ObjectNode) JSON.readTree(Files.readString(LocalStackHarness.root().resolve("events/shopify/fulfillments-create.json")));
        payload.put("order_id", 5009L).put("email", "ana@example.com").put("name", "#1009.1")
                .put("tracking_number", "JD014600009876543210").put("tracking_company", "DHL Express");
        // as Shopify sends it: pretty-printed UTF-8; the signature covers exactly these bytes
        String body = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload).replace("Louisville", "Köln – Innenstadt");
        String eventId = UUID.randomUUID().toString();

        AgentApiClient.Reply forged = deliver("demo", "fulfillments/create", eventId, body, sign("not-the-secret", body));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(deliver("nope", "fulfillments/create", eventId, body, sign(SECRET, body)).status()).isEqualTo(404);
        assertThat(deliver("demo", "fulfillments/create", eventId, body, null).status()).isEqualTo(401);

        AgentApiClient.Reply accepted = deliver("demo", "fulfillments/create", eventId, body, sign(SECRET, body));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("accepted").asBoolean()).isTrue();
        AgentApiClient.Reply again = deliver("demo", "fulfillments/create", eventId, body, sign(SECRET, body));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).as("a redelivery does nothing").isTrue();

        JsonNode after = Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> order(c, "#1009") != null && order(c, "#1009").get("fulfillments").size() == 1, "the new tracking of #1009", java.time.Duration.ofSeconds(120));
        JsonNode shipment = order(after, "#1009").get("fulfillments").get(0);
        assertThat(shipment.get("trackingNumber").asText()).isEqualTo("JD014600009876543210");
        assertThat(shipment.get("shipmentStatus").asText()).isEqualTo("IN_TRANSIT");
        assertThat(order(after, "#1009").get("fulfillmentStatus").asText()).isEqualTo("FULFILLED");

        JsonNode updates = Eventually.await(() -> agent.as(null).get("/_local/events").json(),
                events -> count(events, "OrderContextUpdated", id) >= 2, "OrderContextUpdated of the lookup and of the webhook", java.time.Duration.ofSeconds(120));
        assertThat(count(updates, "OrderContextUpdated", id)).as("the redelivery refreshed nothing").isEqualTo(2);
    }

    @Test
    void aRedactWebhookLeavesNoTraceOfTheCustomerInAnyItemOfTheTable() throws Exception {
        java.util.Set<String> before = objects();
        // with an attachment: the raw mail (inbound/) and the file (attachments/) are the customer's too
        String raw = "From: Ben Brown <ben@example.com>\r\nTo: Demo Outdoor Support <support@help.example.com>\r\nSubject: Order #1003\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hi, when does order 1003 ship? Call me on +14155550123. Ben\r\n--b\r\nContent-Type: image/png\r\n"
                + "Content-Disposition: attachment; filename=\"ben-receipt.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n--b--\r\n";
        AgentApiClient.Reply in = agent.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822"));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        String id = ticketOf("ben@example.com");
        java.util.Set<String> bens = new java.util.TreeSet<>(objects());
        bens.removeAll(before);
        assertThat(bens).as("Ben's raw mail and attachment in the bucket")
                .anyMatch(k -> k.startsWith("inbound/")).anyMatch(k -> k.startsWith("attachments/"));
        // the lookup behind the bus writes the context and the customer cache: both are to be erased too
        Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> !c.isNull() && c.get("status").asText().equals("ok"), "the order context of " + id, java.time.Duration.ofSeconds(120));
        AgentApiClient.Reply reply = agent.send("POST", "/tickets/" + id + "/messages", "{\"body\":\"Hi Ben, it ships tomorrow.\",\"visibility\":\"public\"}", Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(agent.get("/customers/ben@example.com").status()).isEqualTo(200); // fills the order cache too
        assertThat(itemsMentioning("ben@example.com")).isNotEmpty();

        String body = Files.readString(LocalStackHarness.root().resolve("events/shopify/customers-redact.json"))
                .replace("john@example.com", "ben@example.com").replace("555-625-1199", "+14155550123");
        AgentApiClient.Reply accepted = deliver("demo", "customers/redact", UUID.randomUUID().toString(), body, sign(SECRET, body));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        Eventually.await(() -> itemsMentioning("ben@example.com"), List::isEmpty, "no item naming ben@example.com",
                java.time.Duration.ofSeconds(120));
        assertThat(itemsMentioning("+14155550123")).isEmpty();
        assertThat(itemsMentioning("Ben Brown")).isEmpty();
        assertThat(itemsMentioning("when does order 1003 ship")).isEmpty();
        JsonNode ticket = agent.get("/tickets/" + id).json();
        assertThat(ticket.get("requester").get("name").asText()).isEqualTo("[redacted]");
        assertThat(ticket.get("messages")).allSatisfy(m -> assertThat(m.get("body").asText()).isEqualTo("[redacted]"));
        assertThat(agent.get("/tickets?requester=ben@example.com").json().get("items")).as("the requester index").isEmpty();
        JsonNode history = agent.get("/tickets/" + id + "/history").json();
        assertThat(history.toString()).contains("PersonalDataRedacted").doesNotContain("ben@example.com");
        assertThat(objects()).as("no object of Ben's is left in the bucket").doesNotContainAnyElementsOf(bens);
    }

    @Test
    void aDataRequestYieldsAnEventWhoseLinkDownloadsTheExportWithTheCustomersTicket() throws Exception {
        mail("Dora Diaz <dora@example.com>", "Return label", "Hi, I need a return label for order 1007. Dora");
        String id = ticketOf("dora@example.com");
        String body = Files.readString(LocalStackHarness.root().resolve("events/shopify/customers-data_request.json"))
                .replace("john@example.com", "dora@example.com").replace("555-625-1199", "");

        assertThat(deliver("demo", "customers/data_request", UUID.randomUUID().toString(), body, sign("not-the-secret", body)).status())
                .isEqualTo(401);
        assertThat(deliver("nope", "customers/data_request", UUID.randomUUID().toString(), body, sign(SECRET, body)).status()).isEqualTo(404);
        assertThat(objects()).as("nothing exported for a refused request").noneMatch(k -> k.startsWith("exports/"));

        String eventId = UUID.randomUUID().toString();
        AgentApiClient.Reply accepted = deliver("demo", "customers/data_request", eventId, body, sign(SECRET, body));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode exported = Eventually.await(() -> agent.as(null).get("/_local/events").json(), events -> exportEvents(events).size() == 1,
                "CustomerDataExported", java.time.Duration.ofSeconds(120));
        JsonNode data = exportEvents(exported).get(0).get("detail").get("data");
        assertThat(data.get("tickets").asInt()).isEqualTo(1);
        assertThat(exportEvents(exported).get(0).toString()).as("the event names nobody by email").doesNotContain("dora@example.com");

        java.net.http.HttpResponse<String> download = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(data.get("link").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        JsonNode export = JSON.readTree(download.body());
        assertThat(export.get("tickets").get(0).get("id").asText()).isEqualTo(id);
        assertThat(export.get("tickets").get(0).get("requester").get("email").asText()).isEqualTo("dora@example.com");
        assertThat(export.get("tickets").get(0).get("messages").get(0).get("body").asText()).contains("return label for order 1007");

        // a redelivery the queue or Shopify makes (same event id) is answered once
        assertThat(deliver("demo", "customers/data_request", eventId, body, sign(SECRET, body)).json().get("duplicate").asBoolean()).isTrue();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aShopRedactErasesEveryCustomerOfTheStoreItsFilesExportsSecretsAndConfigurationAndKeepsAnAudit() throws Exception {
        String raw = "From: Eve Evans <eve@example.com>\r\nTo: Demo Outdoor Support <support@help.example.com>\r\nCc: Finn Fox <finn@example.com>\r\n"
                + "Subject: Where is order 1002?\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\n"
                + "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hi, Eve here (+4930555123456). Is order 1002 on its way?\r\n";
        AgentApiClient.Reply in = agent.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822"));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        String id = ticketOf("eve@example.com");
        // the lookup's context puts the ticket in the store's index
        Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> !c.isNull() && !c.get("status").asText().equals("pending"), "the order context of " + id, java.time.Duration.ofSeconds(120));
        java.util.Set<String> eves = new java.util.TreeSet<>(objects());
        assertThat(eves).as("Eve's raw mail").anyMatch(k -> k.startsWith("inbound/"));
        assertThat(itemsMentioning("eve@example.com")).isNotEmpty();

        String body = Files.readString(LocalStackHarness.root().resolve("events/shopify/shop-redact.json"));
        String eventId = UUID.randomUUID().toString();
        AgentApiClient.Reply accepted = deliver("demo", "shop/redact", eventId, body, sign(SECRET, body));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        Eventually.await(() -> itemsMentioning("ShopErasureJob"), jobs -> jobs.size() == 1 && jobs.get(0).containsKey("finishedAt"),
                "the store's erasure finished", java.time.Duration.ofSeconds(180));
        for (String trace : List.of("eve@example.com", "finn@example.com", "+4930555123456", "Eve Evans", "Is order 1002 on its way",
                "ana@example.com", "ben@example.com", "dora@example.com", "+4915112345678")) {
            assertThat(itemsMentioning(trace)).as(trace).isEmpty();
        }
        assertThat(agent.get("/tickets/" + id).json().get("requester").get("name").asText()).isEqualTo("[redacted]");
        assertThat(objects()).as("the store's exports and its customers' files").noneMatch(k -> k.startsWith("exports/") || eves.contains(k));
        assertThat(admin.get("/stores/demo").status()).as("the configuration").isEqualTo(404);
        assertThat(stack.stack().parameters().names()).as("the store's token and webhook secret").noneMatch(n -> n.contains("/stores/demo/"));
        assertThat(itemsMentioning("STOREDATA#demo")).as("the store's customer caches and export records").isEmpty();
        Map<String, AttributeValue> audit = itemsMentioning("ShopErasureJob").get(0);
        assertThat(audit.get("reason").s()).isEqualTo("shop/redact");
        assertThat(Integer.parseInt(audit.get("done").n())).isGreaterThanOrEqualTo(1);
        assertThat(audit.toString()).as("the audit holds no personal data").doesNotContain("@");
        // the secrets went with the store: a redelivery cannot be verified any more and changes nothing
        assertThat(deliver("demo", "shop/redact", eventId, body, sign(SECRET, body)).status()).isEqualTo(404);
    }

    static List<JsonNode> exportEvents(JsonNode events) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : events) if (e.get("event").get("detail-type").asText().equals("CustomerDataExported")) out.add(e.get("event"));
        return out;
    }

    /** The keys of the files bucket (attachments, raw mail, exports) in the local S3. */
    static java.util.Set<String> objects() {
        return stack.stack().s3().keys(stack.stack().physicalName("MailBucket"));
    }

    /** Every item of the table naming {@code text}: a Scan, which a test may do (the functions never do). */
    static List<Map<String, AttributeValue>> itemsMentioning(String text) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.stack().dynamoDbEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(stack.stack().physicalName("HelpdeskTable"))).items().forEach(item -> {
                if (item.toString().toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT))) out.add(item);
            });
            return out;
        }
    }

    static int count(JsonNode events, String type, String ticketId) {
        int n = 0;
        for (JsonNode e : events) {
            JsonNode event = e.get("event");
            if (event.get("detail-type").asText().equals(type) && event.get("detail").path("ticketId").asText().equals(ticketId)) n++;
        }
        return n;
    }
}
