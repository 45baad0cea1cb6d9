package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's hourly auto-close schedule, driven by moving the local clock. */
@Tag("deployable") // listed on the deployed tier, where it is skipped: it moves the local clock
class AutoCloseIT {
    private static LocalStackHarness stack;

    @BeforeAll
    static void start() {
        HelpdeskDriver.assumeTarget(HelpdeskDriver.Capability.CLOCK);
        stack = LocalStackHarness.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static String create(AgentApiClient agent, String subject) {
        AgentApiClient.Reply r = agent.post("/tickets", """
                {"subject": "%s", "requester": {"email": "ac@example.com"}, "channel": "email",
                 "message": {"body": "x"}}""".formatted(subject));
        assertThat(r.status()).isEqualTo(201);
        return "/tickets/" + r.json().get("id").asText();
    }

    private static JsonNode advance(AgentApiClient local, String duration) {
        // a move of days fires every schedule's due occurrences (hundreds of invocations) before it answers
        AgentApiClient.Reply r = local.patient(Duration.ofMinutes(3)).send("POST", "/_local/clock", "{\"advance\":\"" + duration + "\"}", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void resolvedTicketsCloseAfterTheWindowUnlessReopened() {
        AgentApiClient agent = new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent"));
        String stale = create(agent, "Resolved long ago");
        String fresh = create(agent, "Resolved yesterday");
        assertThat(agent.patch(stale, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        advance(agent, "P3D");
        agent = new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent")); // tokens last 12 hours
        assertThat(agent.patch(fresh, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);

        JsonNode moved = advance(agent, "P2D");
        long autoCloseRuns = 0;
        for (JsonNode f : moved.get("fired")) {
            if (f.get("function").asText().equals("AutoCloseFunction")) {
                autoCloseRuns++;
                assertThat(f.get("status").asText()).isEqualTo("ok");
            }
        }
        assertThat(autoCloseRuns).isEqualTo(48);

        agent = new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent"));
        JsonNode closed = agent.get(stale).json();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(agent.get(fresh).json().get("status").asText()).isEqualTo("resolved");
        JsonNode last = null;
        for (JsonNode h : agent.get(stale + "/history").json().get("items")) last = h;
        assertThat(last.get("action").asText()).isEqualTo("StatusChanged");
        assertThat(last.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(last.get("actor").get("id").asText()).isEqualTo("auto-close");
        assertThat(last.get("reason").asText()).isEqualTo("auto-closed 4 days after resolution");
    }
}
