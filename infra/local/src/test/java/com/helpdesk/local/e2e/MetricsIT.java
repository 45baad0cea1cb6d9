package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A ticket driven through the local stack (create, reply, resolve) reaches GET /metrics through the bus and the metrics queue. */
class MetricsIT {
    private static LocalStackHarness stack;
    private static AgentApiClient alice;
    private static AgentApiClient lead;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        alice = new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent"));
        lead = new AgentApiClient(stack.baseUrl(), stack.token("lena", "lead"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static long sum(JsonNode series, String field) {
        long n = 0;
        for (JsonNode row : series) n += row.at(field).asLong();
        return n;
    }

    @Test
    void aResolvedTicketIsCountedWithItsFirstResponse() {
        AgentApiClient.Reply created = alice.post("/tickets", """
                {"subject": "Parcel late", "requester": {"email": "jane@example.com", "name": "Jane Doe"},
                 "channel": "phone", "message": {"body": "Jane called about her parcel"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(alice.post("/tickets/" + id + "/messages", "{\"body\": \"It ships today.\", \"visibility\": \"public\"}").status()).isEqualTo(201);
        AgentApiClient.Reply resolved = alice.patch("/tickets/" + id, "{\"status\": \"resolved\"}", null);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        JsonNode doc = Eventually.await(() -> lead.get("/metrics?" + range).json(),
                d -> d.has("series") && sum(d.get("series"), "/resolved") == 1 && sum(d.get("series"), "/firstResponse/count") == 1,
                "the ticket in the metrics");
        assertThat(doc.get("timezone").asText()).isEqualTo("UTC");
        assertThat(sum(doc.get("series"), "/created")).isEqualTo(1);

        JsonNode own = alice.get("/metrics/agents?" + range).json();
        assertThat(own.get("agents")).hasSize(1);
        assertThat(own.get("agents").get(0).get("agent").asText()).isEqualTo("alice");
        assertThat(own.get("agents").get(0).get("oneTouch").asLong()).isEqualTo(1);
        assertThat(alice.get("/metrics?" + range).status()).as("the team's figures are for leads").isEqualTo(403);
        assertThat(lead.get("/metrics?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
    }
}
