package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WISMO auto-answer through the local stack and its stub shop (docs/deflection.md): a store with auto-answers on,
 * a customer's "where is my order" mail, triage and the order lookup behind the bus, AutoAnswerFunction behind
 * AutoAnswerQueue, the AI's answer in the outbox, the resolution by the AI, and the customer's reply handing the ticket
 * to the humans (the answer asks for the rating itself: no resolution notice after it); and a VIP's ticket, not answered,
 * saying why in its history.
 */
class AutoAnswerIT {
    private static LocalStackHarness stack;
    private static AgentApiClient agent;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent"));
        AgentApiClient admin = new AgentApiClient(stack.baseUrl(), stack.token("root", "admin"));
        AgentApiClient.Reply store = admin.send("PUT", "/stores/demo", """
                {"name": "Demo Outdoor", "shopDomain": "demo.myshopify.com", "default": true, "autoAnswer": {"wismo": true},
                 "secrets": {"adminApiToken": "shpat_local_demo", "webhookSecret": "local-webhook-secret"}}""", Map.of());
        assertThat(store.status()).as(store.body()).isEqualTo(201);
        assertThat(store.json().get("autoAnswer").get("wismo").asBoolean()).isTrue();
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

    private static String ticketOf(String email) {
        return Eventually.await(() -> agent.get("/tickets?requester=" + email).json().get("items"), items -> items.size() == 1,
                "the ticket of " + email).get(0).get("id").asText();
    }

    private static JsonNode decision(String ticketId) {
        return Eventually.await(() -> decisions(ticketId), l -> !l.isEmpty(), "the auto-answer's decision on " + ticketId).get(0);
    }

    private static List<JsonNode> decisions(String ticketId) {
        List<JsonNode> out = new ArrayList<>();
        agent.get("/tickets/" + ticketId + "/history?limit=500").json().get("items").forEach(e -> {
            if (e.toString().contains("AutoAnswerDecided")) out.add(e);
        });
        return out;
    }

    /** Mails to {@code email} from the AI (the acknowledgment and the team's notices come from the team). */
    private static List<JsonNode> aiMailsTo(String email) {
        List<JsonNode> mine = new ArrayList<>();
        agent.as(null).get("/_local/outbox").json().forEach(m -> {
            if (m.get("to").toString().contains(email) && m.get("from").asText().startsWith("AI assistant")) mine.add(m);
        });
        return mine;
    }

    private static List<JsonNode> resolutionNoticesTo(String email) {
        List<JsonNode> mine = new ArrayList<>();
        agent.as(null).get("/_local/outbox").json().forEach(m -> {
            if (m.get("to").toString().contains(email) && m.get("text").asText().contains("How did we do?")) mine.add(m);
        });
        return mine;
    }

    @Test
    void whereIsMyOrderIsAnsweredWithTheTrackingResolvedByTheAiAndTheCustomersReplyHandsItBack() {
        mail("Ana Demo <ana@example.com>", "where is my order #1001", "Hi, where is my order #1001? It should be here by now.\n\nThanks,\nAna");
        String id = ticketOf("ana@example.com");

        JsonNode resolved = Eventually.await(() -> agent.get("/tickets/" + id).json(), t -> t.get("status").asText().equals("resolved"),
                "the AI's resolution of " + id);
        assertThat(resolved.get("resolvedBy").get("type").asText()).isEqualTo("ai");
        assertThat(resolved.get("tags").toString()).contains("ai-deflected", "intent:wismo");
        JsonNode answer = Eventually.await(() -> aiMailsTo("ana@example.com"), l -> !l.isEmpty(), "the AI's answer in the outbox").get(0);
        assertThat(answer.get("text").asText()).contains("Hello Ana,", "Your order #1001 is on its way.", "Carrier: DHL Express",
                "Tracking number: JD014600006281234567", "https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600006281234567",
                "Expected delivery: December 3, 2026", "Did this answer help? Rate it from 1 to 5:", "/csat/");
        assertThat(answer.get("headers").get("Auto-Submitted").toString()).as("RFC 3834").contains("auto-replied");
        assertThat(decision(id).toString()).contains("\"answered\":true", "\"order\":\"#1001\"");

        long number = resolved.get("number").asLong();
        mail("Ana Demo <ana@example.com>", "Re: where is my order #1001 [#" + number + "]", "It is still not here, the tracking has not moved for days.");
        JsonNode reopened = Eventually.await(() -> agent.get("/tickets/" + id).json(), t -> t.get("status").asText().equals("open"),
                "the customer's reply reopening " + id);
        assertThat(reopened.get("tags").toString()).contains("ai-handoff").doesNotContain("ai-deflected");
        JsonNode messages = reopened.get("messages");
        assertThat(messages.toString()).as("the AI's answer stays visible to the humans").contains("JD014600006281234567");
        assertThat(messages.get(messages.size() - 1).get("author").get("type").asText()).isEqualTo("customer");
        assertThat(resolutionNoticesTo("ana@example.com")).as("the answer asked for the rating: no second mail").isEmpty();
    }

    @Test
    void aVipIsNotAnsweredAndTheHistorySaysWhy() {
        mail("Ben Brown <ben@example.com>", "where is my order #1002", "Hi, where is my order #1002? It should be here by now.\n\nThanks,\nBen");
        String id = ticketOf("ben@example.com");

        JsonNode decided = decision(id);
        assertThat(decided.toString()).contains("\"answered\":false", "\"reason\":\"vip-customer\"", "the customer is a VIP");
        JsonNode ticket = agent.get("/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isNotEqualTo("resolved");
        assertThat(ticket.get("messages").toString()).doesNotContain("1Z999AA10123456784");
    }
}
