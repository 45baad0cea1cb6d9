package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order context through the local stack, with its stub shop: a store registered through the API, a customer's
 * mail naming an order, the lookup behind the bus and OrderLookupQueue, the ticket and the customer profile read
 * through the agents' API; and the stub shop failing, which never touches the ticket and ends in unavailable with
 * the reason and a dead letter carrying it.
 */
class OrdersIT {
    private static LocalStackHarness stack;
    private static AgentApiClient admin;
    private static AgentApiClient agent;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        admin = new AgentApiClient(stack.baseUrl(), stack.token("root", "admin"));
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent"));
        sqs = SqsClient.builder().endpointOverride(stack.stack().sqsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        AgentApiClient.Reply store = admin.send("PUT", "/stores/demo", """
                {"name": "Demo Outdoor", "shopDomain": "demo.myshopify.com", "default": true,
                 "secrets": {"adminApiToken": "shpat_local_demo", "webhookSecret": "local-webhook-secret"}}""", Map.of());
        assertThat(store.status()).as(store.body()).isEqualTo(201);
        assertThat(store.body()).doesNotContain("shpat_local_demo");
    }

    @AfterAll
    static void stop() {
        sqs.close();
        stack.close();
    }

    @AfterEach
    void clearFaults() {
        fault(0);
    }

    private static void fault(int failNext) {
        AgentApiClient.Reply r = agent.as(null).post("/_local/faults", "{\"service\":\"shopify\",\"failNext\":" + failNext + ",\"error\":\"unavailable\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void mail(String from, String subject, String body) {
        mail(from, "Demo Outdoor Support <support@help.example.com>", subject, body);
    }

    private static void mail(String from, String to, String subject, String body) {
        String raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        AgentApiClient.Reply r = agent.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode ticketOf(String email) {
        return Eventually.await(() -> agent.get("/tickets?requester=" + email).json().get("items"), items -> items.size() == 1,
                "the ticket of " + email).get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void anEmailNamingAnOrderFromAKnownCustomerGetsTheirOrderContext() {
        mail("Ana Demo <ana@example.com>", "Where is my parcel?", "Hello, my order #1001 has still not arrived. Thanks, Ana");
        String id = ticketOf("ana@example.com").get("id").asText();

        JsonNode context = Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> !c.isNull() && c.get("status").asText().equals("ok"), "the order context of " + id);
        assertThat(context.get("store").asText()).isEqualTo("demo");
        assertThat(context.get("customer").get("name").asText()).isEqualTo("Ana Demo");
        assertThat(context.get("customer").get("email").asText()).isEqualTo("ana@example.com");
        List<String> names = new ArrayList<>();
        context.get("orders").forEach(o -> names.add(o.get("name").asText()));
        assertThat(names).as("newest first").containsExactly("#1009", "#1007", "#1004", "#1001");
        JsonNode o1001 = context.get("orders").get(3);
        assertThat(texts(o1001.get("matchedBy"))).containsExactlyInAnyOrder("email", "orderNumber");
        JsonNode shipment = o1001.get("fulfillments").get(0);
        assertThat(shipment.get("carrier").asText()).isEqualTo("DHL Express");
        assertThat(shipment.get("trackingNumber").asText()).isEqualTo("JD014600006281234567");
        assertThat(shipment.get("shipmentStatus").asText()).isEqualTo("IN_TRANSIT");

        JsonNode profile = agent.get("/customers/ana@example.com").json();
        assertThat(profile.get("tickets")).hasSize(1);
        assertThat(profile.get("shopify").get("customer").get("name").asText()).isEqualTo("Ana Demo");
    }

    @Test
    void mailToTheSecondStoresSupportAddressGetsThatStoresOrderContext() {
        AgentApiClient.Reply eu = admin.send("PUT", "/stores/eu", """
                {"name": "Demo Outdoor EU", "shopDomain": "demo-eu.myshopify.com", "supportAddresses": ["support-eu@help.example.com"],
                 "secrets": {"adminApiToken": "shpat_local_eu", "webhookSecret": "local-webhook-secret-eu"}}""", Map.of());
        assertThat(eu.status()).as(eu.body()).isEqualTo(201);
        mail("Chloé Martin <chloe@example.com>", "Demo Outdoor EU <support-eu@help.example.com>", "Ma commande",
                "Bonjour, où est ma commande n° 1010 ? Chloé");
        String id = ticketOf("chloe@example.com").get("id").asText();

        JsonNode context = Eventually.await(() -> agent.get("/tickets/" + id).json().get("orderContext"),
                c -> !c.isNull() && c.get("status").asText().equals("ok"), "the order context of " + id, java.time.Duration.ofSeconds(90));
        assertThat(context.get("store").asText()).as("the store whose support address the mail was sent to").isEqualTo("eu");
        assertThat(context.get("customer").get("email").asText()).isEqualTo("chloe@example.com");
        List<String> names = new ArrayList<>();
        context.get("orders").forEach(o -> names.add(o.get("name").asText()));
        assertThat(names).contains("#1010");
    }

    @Test
    void shopifyFailingLeavesTheTicketIntactMarkedUnavailableWithTheReasonAndParksTheEvent() {
        fault(5); // MAX_LOOKUP_ATTEMPTS in template.yaml: every attempt of the one lookup fails
        mail("Ben Brown <ben@example.com>", "Order #1003", "Hi, when does order 1003 ship? Ben");
        JsonNode listed = ticketOf("ben@example.com");
        String id = listed.get("id").asText();

        // five deliveries with backoff (1, 2, 4, 8 s) take longer than Eventually's usual 20 s
        JsonNode ticket = Eventually.await(() -> agent.get("/tickets/" + id).json(),
                t -> t.get("orderContext").path("status").asText().equals("unavailable"), "the unavailable order context of " + id,
                java.time.Duration.ofSeconds(90));
        assertThat(ticket.get("orderContext").get("reason").asText()).contains("answered 503");
        assertThat(ticket.get("orderContext").get("orders")).isEmpty();
        assertThat(ticket.get("subject").asText()).isEqualTo("Order #1003");
        assertThat(ticket.get("messages").get(0).get("author").get("type").asText()).isEqualTo("customer");
        assertThat(ticket.get("messages").get(0).get("body").asText()).isEqualTo("Hi, when does order 1003 ship? Ben");
        assertThat(ticket.get("status").asText()).isEqualTo(listed.get("status").asText());

        String dlq = stack.stack().physicalName("OrderLookupDeadLetterQueue");
        String url = dlq.startsWith("http") ? dlq : sqs.getQueueUrl(b -> b.queueName(dlq)).queueUrl();
        List<Message> parked = Eventually.await(() -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                .messageAttributeNames("All")).messages(), l -> !l.isEmpty(), "the lookup's dead letter");
        assertThat(parked.get(0).body()).contains(id);
        assertThat(parked.get(0).messageAttributes().get("reason").stringValue()).startsWith("after 5 attempts: ").contains("answered 503");
    }
}
