package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

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

    @Test
    void theBacklogIsCountedAtTheEndOfTheTeamDay() {
        AgentApiClient.Reply created = alice.post("/tickets", """
                {"subject": "Still waiting", "requester": {"email": "sam@example.com"}, "channel": "email",
                 "status": "open", "message": {"body": "Where is my refund?"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Instant now = Instant.parse(lead.get("/_local/clock").json().get("now").asText());
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant endOfDay = day.atTime(23, 59, 30).toInstant(ZoneOffset.UTC);
        if (!endOfDay.isAfter(now)) {
            day = day.plusDays(1);
            endOfDay = endOfDay.plus(Duration.ofDays(1));
        }
        // up to a day on: every schedule's due occurrences fire before the answer
        AgentApiClient.Reply moved = lead.patient(Duration.ofMinutes(3))
                .send("POST", "/_local/clock", "{\"advance\":\"" + Duration.between(now, endOfDay) + "\"}", Map.of());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        // tokens last 12 hours of the stack's clock, and the move can be nearly a day (run just after midnight UTC)
        alice = new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent"));
        lead = new AgentApiClient(stack.baseUrl(), stack.token("lena", "lead"));

        String range = "from=" + day + "&to=" + day;
        JsonNode census = Eventually.await(() -> lead.get("/metrics?" + range).json(),
                d -> d.has("series") && !d.at("/series/0/backlog/total").isNull(), "the census of " + day).at("/series/0/backlog");
        assertThat(census.get("open").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(census.get("total").asLong()).isEqualTo(census.get("new").asLong() + census.get("open").asLong() + census.get("pending").asLong());
        JsonNode mine = alice.get("/metrics/agents?" + range).json().get("agents");
        assertThat(mine).as("alice sees her own row only").allSatisfy(row -> assertThat(row.get("agent").asText()).isEqualTo("alice"));
    }
}
