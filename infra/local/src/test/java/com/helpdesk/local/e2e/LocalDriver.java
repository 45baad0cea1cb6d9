package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack started in this JVM from template.yaml, driven through its /_local endpoints. */
final class LocalDriver implements HelpdeskDriver {
    private final LocalStackHarness stack;
    private final AgentApiClient anonymous;

    private LocalDriver(LocalStackHarness stack) {
        this.stack = stack;
        this.anonymous = new AgentApiClient(stack.baseUrl(), null);
    }

    static LocalDriver start() {
        return new LocalDriver(LocalStackHarness.start());
    }

    /** The harness, for what only the local stack has (its physical names, its SQS endpoint). */
    LocalStackHarness harness() {
        return stack;
    }

    @Override
    public String baseUrl() {
        return stack.baseUrl();
    }

    @Override
    public String token(String name, String role) {
        return stack.token(name, role);
    }

    @Override
    public String subject(String name, String role) {
        return name;
    }

    @Override
    public JsonNode deliverEmail(String raw, Map<String, String> sesHeaders) {
        Map<String, String> headers = new HashMap<>(sesHeaders);
        headers.put("Content-Type", "message/rfc822");
        AgentApiClient.Reply r = anonymous.send("POST", "/_local/ses/inbound", raw, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Override
    public List<PublishedEvent> publishedEvents() {
        List<PublishedEvent> out = new ArrayList<>();
        for (JsonNode e : anonymous.get("/_local/events").json()) {
            List<String> rules = new ArrayList<>();
            e.path("matchedRules").forEach(r -> rules.add(r.isTextual() ? r.asText() : r.toString()));
            out.add(new PublishedEvent(e.get("event"), rules));
        }
        return out;
    }

    @Override
    public boolean supports(Capability capability) {
        return true;
    }

    @Override
    public String describe() {
        return "the local stack at " + baseUrl();
    }

    @Override
    public void close() {
        stack.close();
    }
}
