package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's survey through the local or a deployed stack: public routes, signed links, the window. */
@Tag("deployable")
class CsatIT {
    private static HelpdeskDriver stack;

    @BeforeAll
    static void start() {
        stack = HelpdeskDriver.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String resolvedTicket(AgentApiClient agent) {
        AgentApiClient.Reply r = agent.post("/tickets", """
                {"subject": "Refund <b>please</b>", "requester": {"email": "jane@example.com", "name": "Jane"},
                 "channel": "email", "message": {"body": "x"}}""");
        String path = "/tickets/" + r.json().get("id").asText();
        assertThat(agent.patch(path, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        return path;
    }

    @Test
    void aCustomerRatesThroughTheSignedLinkUntilTheSurveyCloses() {
        AgentApiClient agent = stack.client(stack.token("alice", "agent"));
        AgentApiClient customer = agent.as(null);
        String ticket = resolvedTicket(agent);
        AgentApiClient.Reply link = agent.get(ticket + "/csat");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String survey = link.json().get("surveyPath").asText();

        AgentApiClient.Reply page = customer.get(survey);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("How did we do?").contains("Refund &lt;b&gt;please&lt;/b&gt;").doesNotContain("<b>please");

        AgentApiClient.Reply oneClick = customer.get(survey + "?rating=4");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.body()).contains("4 of 5");

        AgentApiClient.Reply json = customer.post(survey, "{\"rating\":5,\"comment\":\"Great help\"}");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("rating").asInt()).isEqualTo(5);
        AgentApiClient.Reply form = customer.send("POST", survey, "rating=3&comment=changed+my+mind",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("3 of 5").contains("changed my mind");

        JsonNode rated = agent.get(ticket).json().get("csat");
        assertThat(rated.get("rating").asInt()).isEqualTo(3);
        assertThat(rated.get("comment").asText()).isEqualTo("changed my mind");
        assertThat(rated.get("resolvedBy").get("id").asText()).isEqualTo(stack.subject("alice", "agent"));
        assertThat(agent.get(ticket + "/history").body()).contains("\"action\":\"CsatReceived\"");

        assertThat(customer.post(survey, "{\"rating\":9}").status()).isEqualTo(400);
        String forged = survey.substring(0, survey.length() - 3) + (survey.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(customer.get(forged).status()).isEqualTo(401);
        AgentApiClient.Reply forgedPost = customer.post(forged, "{\"rating\":1}");
        assertThat(forgedPost.status()).isEqualTo(401);
        assertThat(forgedPost.header("Content-Type")).startsWith("application/problem+json");

        // reopening the ticket closes the survey of that resolution
        String other = resolvedTicket(agent);
        String otherSurvey = agent.get(other + "/csat").json().get("surveyPath").asText();
        assertThat(agent.patch(other, "{\"status\":\"open\"}", null).status()).isEqualTo(200);
        assertThat(customer.get(otherSurvey).status()).isEqualTo(410);
        assertThat(agent.get(other + "/csat").status()).isEqualTo(409);

        // past the window (7 days) the survey is closed. Triage tags a new ticket by its intent through the bus:
        // had it come after the clock moved, the ticket would have been updated 8 days later and not be due yet
        for (String t : List.of(ticket, other)) agent.awaitIntent(t);
        stack.advanceClock(java.time.Duration.ofDays(8));
        assertThat(customer.get(survey).status()).isEqualTo(410);
        AgentApiClient.Reply late = customer.post(survey, "{\"rating\":1}");
        assertThat(late.status()).isEqualTo(410);
        agent = stack.client(stack.token("alice", "agent"));
        AgentApiClient.Reply after = agent.get(ticket);
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("status").asText()).isEqualTo("closed"); // auto-closed meanwhile
        assertThat(after.json().get("csat").get("rating").asInt()).as(after.body()).isEqualTo(3);
    }
}
