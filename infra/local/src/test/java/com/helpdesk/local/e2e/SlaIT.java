package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.helpdesk.local.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA timers through the local stack: an admin's calendar and urgent policy, clocks started from the bus,
 * warnings and breaches fired by the minute sweep as the local clock moves, the escalation, the ledger,
 * a pending ticket's paused clock and a reply in time.
 */
@Tag("deployable") // listed on the deployed tier, where it is skipped: it moves the local clock
class SlaIT {
    private static LocalStackHarness stack;
    private static AgentApiClient admin;

    @BeforeAll
    static void start() {
        HelpdeskDriver.assumeTarget(HelpdeskDriver.Capability.CLOCK);
        stack = LocalStackHarness.start();
        admin = new AgentApiClient(stack.baseUrl(), stack.token("ada", "admin"));
        // open all week, so the test's arithmetic does not depend on the day it runs
        AgentApiClient.Reply calendar = admin.send("PUT", "/business-hours/allweek", """
                {"name": "All week", "timezone": "Europe/Berlin",
                 "weekly": {"mon": [["00:00","24:00"]], "tue": [["00:00","24:00"]], "wed": [["00:00","24:00"]],
                            "thu": [["00:00","24:00"]], "fri": [["00:00","24:00"]], "sat": [["00:00","24:00"]],
                            "sun": [["00:00","24:00"]]}}""", Map.of());
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        AgentApiClient.Reply policy = admin.send("PUT", "/sla-policies/urgent", """
                {"name": "Urgent", "order": 1, "match": {"priority": ["urgent"]}, "businessHours": "allweek",
                 "targets": {"firstResponse": "PT1H", "resolution": "PT8H"}, "warnAt": 0.5,
                 "onBreach": {"escalate": true, "group": "tier2", "tag": "sla-breached"}}""", Map.of());
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static AgentApiClient agent() {
        return new AgentApiClient(stack.baseUrl(), stack.token("alice", "agent")); // fresh: tokens expire on the moved clock
    }

    private static String urgentTicket(String subject) {
        AgentApiClient.Reply r = agent().post("/tickets", """
                {"subject": "%s", "requester": {"email": "sla@example.com"}, "channel": "email", "priority": "urgent",
                 "message": {"body": "It is broken"}}""".formatted(subject));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String path = "/tickets/" + r.json().get("id").asText();
        await(() -> agent().get(path + "/sla").status(), s -> s == 200, "the SLA timer started the clocks of " + path);
        return path;
    }

    /**
     * Moves the stack's clock in steps of at most 30 minutes: each move runs every schedule once per minute
     * crossed before it answers, and a 2-hour move in one request outlasted the client's 30 s on a loaded
     * machine. The minutes crossed, and so the sweeps, are the same.
     */
    private static void advance(String duration) {
        Duration left = Duration.parse(duration);
        while (!left.isZero()) {
            Duration step = left.compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30) : left;
            AgentApiClient.Reply r = admin.send("POST", "/_local/clock", "{\"advance\":\"" + step + "\"}", Map.of());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            left = left.minus(step);
        }
    }

    private static List<String> busEvents(String ticketPath) {
        String id = ticketPath.substring("/tickets/".length());
        List<String> types = new ArrayList<>();
        for (JsonNode e : agent().as(null).get("/_local/events").json()) {
            JsonNode event = e.get("event");
            if (event.get("detail").path("ticketId").asText().equals(id)) types.add(event.get("detail-type").asText());
        }
        return types;
    }

    private static List<String> ledger(String ticketPath) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : agent().get(ticketPath + "/sla").json().get("ledger")) {
            out.add(e.get("target").asText() + " " + e.get("kind").asText());
        }
        return out;
    }

    @Test
    void anUnansweredUrgentTicketWarnsThenBreachesAndIsEscalated() {
        AgentApiClient.Reply inUse = admin.send("DELETE", "/business-hours/allweek", null, Map.of());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.header("Content-Type")).startsWith("application/problem+json");
        assertThat(agent().send("PUT", "/sla-policies/urgent", "{}", Map.of()).status()).as("agents may not write").isEqualTo(403);

        String ticket = urgentTicket("Urgent and unanswered");
        JsonNode started = agent().get(ticket + "/sla").json();
        assertThat(started.get("policy").asText()).isEqualTo("urgent");
        assertThat(started.get("sla").get("firstResponse").get("state").asText()).isEqualTo("active");

        advance("PT35M");
        await(() -> busEvents(ticket), t -> t.contains("SlaWarning"), "the warning at half of firstResponse");
        assertThat(busEvents(ticket)).doesNotContain("SlaBreached");

        advance("PT30M");
        await(() -> busEvents(ticket), t -> t.contains("SlaBreached"), "the breach of firstResponse");
        assertThat(busEvents(ticket).indexOf("SlaWarning")).isLessThan(busEvents(ticket).indexOf("SlaBreached"));
        JsonNode escalated = await(() -> agent().get(ticket).json(),
                t -> t.get("escalationLevel").asInt() == 1 && t.get("tags").toString().contains("sla-breached"),
                "the breach escalated and tagged the ticket");
        assertThat(escalated.get("group").asText()).isEqualTo("tier2");

        JsonNode sla = agent().get(ticket + "/sla").json();
        assertThat(sla.get("sla").get("firstResponse").get("state").asText()).isEqualTo("breached");
        assertThat(sla.get("sla").get("firstResponse").get("remaining").asText()).startsWith("-PT");
        assertThat(ledger(ticket)).containsSubsequence("firstResponse start", "firstResponse warning", "firstResponse breach");
        for (JsonNode e : sla.get("ledger")) {
            if (e.get("kind").asText().equals("breach")) assertThat(e.get("cause").asText()).isEqualTo("timer: firstResponse PT1H spent");
        }
        boolean historyShowsIt = false;
        for (JsonNode h : agent().get(ticket + "/history").json().get("items")) {
            if (h.get("action").asText().equals("Escalated") && h.get("actor").get("id").asText().equals("sla-timer")) historyShowsIt = true;
        }
        assertThat(historyShowsIt).as("the escalation is in the ticket's history as the SLA timer's").isTrue();
    }

    @Test
    void aPendingTicketsClocksPauseAndAReplyInTimeMeetsFirstResponse() {
        String pending = urgentTicket("Waiting on the customer");
        String answered = urgentTicket("Answered in time");
        assertThat(agent().patch(pending, "{\"status\":\"pending\"}", null).status()).isEqualTo(200);
        await(() -> ledger(pending), l -> l.contains("firstResponse pause"), "pending pauses the clocks");
        AgentApiClient.Reply reply = agent().post(answered + "/messages", "{\"body\":\"We are on it\",\"visibility\":\"public\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        await(() -> ledger(answered), l -> l.contains("firstResponse met"), "an agent's public reply meets firstResponse");

        advance("PT2H");
        JsonNode paused = agent().get(pending + "/sla").json().get("sla").get("firstResponse");
        assertThat(paused.get("state").asText()).isEqualTo("paused");
        assertThat(paused.get("dueAt").isNull()).isTrue();
        assertThat(Duration.parse(paused.get("remaining").asText())).isGreaterThan(Duration.ofMinutes(50));
        JsonNode met = agent().get(answered + "/sla").json().get("sla").get("firstResponse");
        assertThat(met.get("state").asText()).isEqualTo("met");
        assertThat(busEvents(pending)).doesNotContain("SlaBreached");
        assertThat(busEvents(answered)).doesNotContain("SlaBreached");
    }

    /** The "breaching soon" view's ticket ids, in order, with their slaDueAt. */
    private static Map<String, String> breachingSoon(Instant before) {
        AgentApiClient.Reply r = agent().get("/tickets?slaDueBefore=" + before + "&limit=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode t : r.json().get("items")) out.put("/tickets/" + t.get("id").asText(), t.get("slaDueAt").asText());
        return out;
    }

    @Test
    void aTicketCarriesItsClocksAndTheBreachingSoonViewListsRunningOnesEarliestDueFirst() {
        String first = urgentTicket("Breaching soon, first");
        String second = urgentTicket("Breaching soon, second");
        JsonNode ticket = agent().get(first).json();
        Instant created = Instant.parse(ticket.get("createdAt").asText());
        JsonNode clock = ticket.get("sla").get("firstResponse");
        assertThat(clock.get("state").asText()).isEqualTo("active");
        assertThat(clock.get("policy").asText()).isEqualTo("urgent");
        assertThat(clock.get("businessHours").asText()).isEqualTo("allweek");
        Instant dueAt = Instant.parse(clock.get("dueAt").asText());
        assertThat(Duration.between(created, dueAt)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        String resolutionDue = ticket.get("sla").get("resolution").get("dueAt").asText();
        assertThat(Duration.parse(clock.get("remaining").asText())).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(ticket.get("sla").get("resolution").get("state").asText()).isEqualTo("active");

        Map<String, String> soon = await(() -> breachingSoon(created.plus(Duration.ofHours(2))),
                v -> v.containsKey(first) && v.containsKey(second), "both tickets in the breaching-soon view");
        assertThat(soon.get(first)).isEqualTo(dueAt.toString());
        assertThat(new ArrayList<>(soon.keySet()).indexOf(first)).as("earliest due first").isLessThan(new ArrayList<>(soon.keySet()).indexOf(second));
        assertThat(breachingSoon(created.plus(Duration.ofMinutes(30)))).as("not due before the bound").doesNotContainKey(first);
        assertThat(agent().patch(second, "{\"status\":\"pending\"}", null).status()).isEqualTo(200);
        await(() -> breachingSoon(created.plus(Duration.ofDays(1))), v -> !v.containsKey(second), "every clock paused: out of the view");

        advance("PT1H10M");
        JsonNode late = agent().get(first).json().get("sla").get("firstResponse");
        assertThat(late.get("state").asText()).as("computed at read time from the moved clock").isEqualTo("breached");
        assertThat(late.get("remaining").asText()).startsWith("-PT");
        assertThat(Duration.parse(late.get("remaining").asText())).isBetween(Duration.ofMinutes(-15), Duration.ofMinutes(-1));
        assertThat(breachingSoon(created.plus(Duration.ofHours(2)))).as("a breached clock that still runs stays first")
                .containsEntry(first, dueAt.toString());

        await(() -> agent().get(first).json(), t -> t.get("escalationLevel").asInt() == 1, "the breach escalated the ticket");
        AgentApiClient.Reply reply = agent().post(first + "/messages", "{\"body\":\"Sorry for the wait\",\"visibility\":\"public\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        await(() -> breachingSoon(created.plus(Duration.ofHours(9))), v -> resolutionDue.equals(v.get(first)),
                "after the reply the ticket is keyed by its resolution's due time");
        assertThat(agent().get(first).json().get("sla").get("firstResponse").get("state").asText()).as("answered late").isEqualTo("breached");
        assertThat(breachingSoon(created.plus(Duration.ofDays(1)))).doesNotContainKey(second);

        AgentApiClient.Reply bad = agent().get("/tickets?slaDueBefore=tomorrow");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("slaDueBefore");
        AgentApiClient.Reply combined = agent().get("/tickets?slaDueBefore=" + created + "&status=open");
        assertThat(combined.status()).isEqualTo(400);
        assertThat(combined.body()).contains("status").contains("cannot be combined with slaDueBefore");
    }
}
