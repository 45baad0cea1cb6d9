package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intent classification through the local stack: a customer's mail, TriageFunction behind the bus and TriageQueue,
 * the ticket's intent and tag read through the agents' API, an agent's correction, and the classify route.
 */
class TriageIT {
    private static LocalStackHarness stack;
    private static AgentApiClient agent;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void mail(String from, String subject, String body) {
        String raw = "From: " + from + "\r\nTo: Demo Outdoor Support <support@help.example.com>\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        AgentApiClient.Reply r = agent.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void anEmailAskingWhereTheOrderIsIsWismoAndAnAgentsCorrectionIsRecorded() {
        mail("Wanda Triage <wanda@example.com>", "where is my order #1001", "Hi, where is my order #1001? It should be here by now.\n\nThanks,\nWanda");
        String id = Eventually.await(() -> agent.get("/tickets?requester=wanda@example.com").json().get("items"), items -> items.size() == 1,
                "the ticket of wanda@example.com").get(0).get("id").asText();

        JsonNode intent = agent.awaitIntent("/tickets/" + id);
        assertThat(intent.get("name").asText()).isEqualTo("wismo");
        assertThat(intent.get("source").asText()).isEqualTo("auto");
        assertThat(intent.get("language").asText()).isEqualTo("en");
        assertThat(intent.get("model").asText()).startsWith("maxent-");
        assertThat(agent.get("/tickets/" + id).json().get("tags").toString()).contains("intent:wismo");

        AgentApiClient.Reply patched = agent.patch("/tickets/" + id, "{\"intent\":\"missing_item\"}", null);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode ticket = agent.get("/tickets/" + id).json();
        assertThat(ticket.get("intent").get("source").asText()).isEqualTo("agent");
        assertThat(ticket.get("intent").get("correction").get("modelSaid").asText()).isEqualTo("wismo");
        assertThat(ticket.get("tags").toString()).contains("intent:missing_item").doesNotContain("intent:wismo");
    }

    @Test
    void theClassifyRouteAnswersInTheCustomersLanguage() {
        AgentApiClient.Reply r = agent.post("/intents/classify", "{\"subject\":\"Bestellung\",\"text\":\"Ich möchte meine Bestellung stornieren\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("language").asText()).isEqualTo("de");
        assertThat(r.json().get("suggestions").get(0).get("intent").asText()).isEqualTo("cancellation");
    }
}
