package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the local stack: admins set up agents and rules over the API; a customer's damage claim is
 * classified by triage, then routed by RoutingFunction (bus, RoutingQueue) to the claims group, least-loaded;
 * a round-robin rule spreads tickets; an agent who says they are unavailable gets no more.
 */
class RoutingIT {
    private static final Duration ROUTED = Duration.ofSeconds(90);
    private static LocalStackHarness stack;
    private static AgentApiClient admin;
    private static AgentApiClient agent;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        admin = new AgentApiClient(stack.baseUrl(), stack.token("ada", "admin"));
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent"));
        put("/agents/ana", "{\"name\":\"Ana\",\"groups\":[\"claims\"],\"available\":true,\"capacity\":5}");
        put("/agents/bo", "{\"name\":\"Bo\",\"groups\":[\"claims\"],\"available\":true,\"capacity\":5}");
        put("/agents/cy", "{\"name\":\"Cy\",\"groups\":[\"general\"],\"available\":true,\"capacity\":5}");
        put("/agents/dee", "{\"name\":\"Dee\",\"groups\":[\"general\"],\"available\":true,\"capacity\":5}");
        put("/routing-rules/damage-claims", "{\"order\":10,\"when\":{\"intent\":\"damage_claim\"},"
                + "\"then\":{\"assignGroup\":\"claims\",\"assign\":\"least-loaded\",\"addTags\":[\"damage\"]}}");
        put("/routing-rules/spread", "{\"order\":20,\"when\":{\"tagsAny\":[\"spread\"]},\"then\":{\"assignGroup\":\"general\",\"assign\":\"round-robin\"}}");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void put(String path, String body) {
        AgentApiClient.Reply r = admin.send("PUT", path, body, Map.of());
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    }

    private static int load(String agentId) {
        return admin.get("/agents/" + agentId).json().get("load").asInt();
    }

    private static String create(String subject, String tag) {
        AgentApiClient.Reply r = agent.post("/tickets", "{\"subject\":\"" + subject + "\",\"requester\":{\"email\":\"rr-" + UUID.randomUUID()
                + "@example.com\"},\"channel\":\"phone\",\"tags\":[\"" + tag + "\"],\"message\":{\"body\":\"Customer called about " + subject + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static JsonNode awaitAssigned(String id) {
        return Eventually.await(() -> agent.get("/tickets/" + id).json(), t -> t.hasNonNull("assignee"), "an assignee on " + id, ROUTED);
    }

    @Test
    void aDamageClaimGoesToTheClaimsGroupLeastLoaded() {
        // Ana already holds a ticket (assigned by hand: counted in her load), so the claim goes to Bo
        String held = create("Earlier question", "manual");
        assertThat(agent.patch("/tickets/" + held, "{\"assignee\":\"ana\"}", null).status()).isEqualTo(200);
        Eventually.await(() -> load("ana"), l -> l == 1, "ana's load of 1", ROUTED);

        String raw = "From: Dana Damage <dana@example.com>\r\nTo: Demo Outdoor Support <support@help.example.com>\r\n"
                + "Subject: Package arrived damaged\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\n"
                + "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hello, my order arrived today but the box was crushed and the lantern inside is broken, the glass is shattered."
                + " Photos attached.\r\n";
        assertThat(admin.as(null).send("POST", "/_local/ses/inbound", raw, Map.of("Content-Type", "message/rfc822")).status()).isEqualTo(200);
        String id = Eventually.await(() -> agent.get("/tickets?requester=dana@example.com").json().get("items"), items -> items.size() == 1,
                "the ticket of dana@example.com").get(0).get("id").asText();

        JsonNode ticket = awaitAssigned(id);
        assertThat(ticket.get("intent").get("name").asText()).isEqualTo("damage_claim");
        assertThat(ticket.get("group").asText()).isEqualTo("claims");
        assertThat(ticket.get("assignee").asText()).isEqualTo("bo");
        assertThat(ticket.get("tags").toString()).contains("damage");
        JsonNode history = agent.get("/tickets/" + id + "/history").json();
        assertThat(history.toString()).contains("routing rule damage-claims (least-loaded in claims)");
        assertThat(load("bo")).isEqualTo(1);
    }

    @Test
    void aRoundRobinRuleSpreadsTicketsAndAnUnavailableAgentGetsNoMore() {
        List<String> first = new ArrayList<>();
        for (String id : List.of(create("Spread one", "spread"), create("Spread two", "spread"))) first.add(awaitAssigned(id).get("assignee").asText());
        assertThat(first).containsExactlyInAnyOrder("cy", "dee");

        AgentApiClient cy = agent.as(stack.token("cy", "agent"));
        AgentApiClient.Reply away = cy.patch("/agents/me", "{\"available\":false}", null);
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(away.json().get("available").asBoolean()).isFalse();
        for (String id : List.of(create("Spread three", "spread"), create("Spread four", "spread"))) {
            assertThat(awaitAssigned(id).get("assignee").asText()).isEqualTo("dee");
        }
        assertThat(load("cy")).isEqualTo(1);
        assertThat(load("dee")).isEqualTo(3);
    }
}
