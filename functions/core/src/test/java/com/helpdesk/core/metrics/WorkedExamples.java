package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worked examples of docs/metrics.md as events (team time zone Europe/Berlin). Keep both in step:
 * the doc's numbers are asserted by MetricsDefinitionsTest.
 */
final class WorkedExamples {
    /** A ticket's id and one of its events. */
    record Event(String ticketId, Observation observation) {
    }

    private final List<Event> events = new ArrayList<>();
    private int next;

    static List<Event> all() {
        WorkedExamples x = new WorkedExamples();
        x.ticketA();
        x.ticketB();
        x.ticketC();
        x.ticketD();
        x.ticketE();
        return List.copyOf(x.events);
    }

    /** A: email, created 00:30 Berlin on Nov 23 (still Nov 22 in UTC); first reply after 40 min; one touch; rated 5. */
    private void ticketA() {
        String t = "tkt_a";
        created(t, "2026-11-22T23:30:00Z", "customer", null, "email", "normal");
        message(t, "2026-11-22T23:30:00Z", "customer", null, "public");
        intent(t, "2026-11-22T23:30:04Z", "system", "triage", "wismo", "auto");     // triage's answer, after the creation
        message(t, "2026-11-22T23:31:00Z", "system", null, "public");       // the acknowledgment: not a response
        message(t, "2026-11-22T23:40:00Z", "agent", "alice", "internal");   // an internal note: not a response
        message(t, "2026-11-23T00:10:00Z", "agent", "alice", "public");     // first response: 2,400 s
        status(t, "2026-11-23T09:00:00Z", "agent", "alice", "open", "resolved");
        csat(t, "2026-11-23T12:00:00Z", 3, "2026-11-23T09:00:00Z", "agent", "alice");
        csat(t, "2026-11-23T12:05:00Z", 5, "2026-11-23T09:00:00Z", "agent", "alice"); // answered again: 5 replaces 3
    }

    /** B: chat, escalated, resolved, reopened the next day and resolved again. */
    private void ticketB() {
        String t = "tkt_b";
        created(t, "2026-11-23T08:00:00Z", "customer", null, "chat", "high");
        message(t, "2026-11-23T08:00:00Z", "customer", null, "public");
        message(t, "2026-11-23T08:05:00Z", "agent", "bob", "public");
        add(t, Kind.ESCALATED, "2026-11-23T08:10:00Z", "agent", "bob", Map.of("group", "escalations", "priority", "urgent"));
        status(t, "2026-11-23T08:30:00Z", "agent", "bob", "open", "resolved");
        message(t, "2026-11-24T09:00:00Z", "customer", null, "public");
        status(t, "2026-11-24T09:00:00Z", "customer", null, "resolved", "open");
        message(t, "2026-11-24T09:10:00Z", "agent", "bob", "public");
        status(t, "2026-11-24T10:00:00Z", "agent", "bob", "open", "resolved");
        // (the list's order does not matter: facts are kept in time order)
        intent(t, "2026-11-23T08:00:03Z", "system", "triage", "billing", "auto");
        intent(t, "2026-11-23T08:06:00Z", "agent", "bob", "refund_status", "agent"); // bob corrects it: all of B moves to refund_status
    }

    /** C: an AI conversation the AI resolved (deflected). */
    private void ticketC() {
        String t = "tkt_c";
        created(t, "2026-11-23T10:00:00Z", "ai", "ai-agent", "chat", "normal");
        message(t, "2026-11-23T10:00:00Z", "customer", null, "public");
        message(t, "2026-11-23T10:00:00Z", "ai", "ai-agent", "public");
        intent(t, "2026-11-23T10:00:02Z", "system", "triage", null, "auto");      // under the threshold: no intent
        status(t, "2026-11-23T10:05:00Z", "ai", "ai-agent", "open", "resolved");
    }

    /** D: an AI conversation handed off to a human who answers 20 min later. */
    private void ticketD() {
        String t = "tkt_d";
        created(t, "2026-11-23T11:00:00Z", "ai", "ai-agent", "chat", "normal");
        message(t, "2026-11-23T11:00:00Z", "customer", null, "public");
        message(t, "2026-11-23T11:00:00Z", "ai", "ai-agent", "public");
        intent(t, "2026-11-23T11:00:02Z", "system", "triage", "wismo", "auto");
        message(t, "2026-11-23T11:20:00Z", "agent", "carol", "public");
    }

    /** E: merged into A: counted nowhere (A carries the conversation). */
    private void ticketE() {
        String t = "tkt_e";
        created(t, "2026-11-23T12:00:00Z", "customer", null, "email", "normal");
        message(t, "2026-11-23T12:00:00Z", "customer", null, "public");
        intent(t, "2026-11-23T12:00:02Z", "system", "triage", "wismo", "auto");
        add(t, Kind.MERGED, "2026-11-23T12:30:00Z", "agent", "alice", Map.of("role", "source"));
        status(t, "2026-11-23T12:30:00Z", "agent", "alice", "new", "closed");
    }

    private void created(String t, String at, String actorType, String actorId, String channel, String priority) {
        add(t, Kind.CREATED, at, actorType, actorId, Map.of("channel", channel, "priority", priority, "status", "new"));
    }

    private void message(String t, String at, String authorType, String actorId, String visibility) {
        add(t, Kind.MESSAGE, at, authorType, actorId, Map.of("visibility", visibility, "authorType", authorType));
    }

    private void status(String t, String at, String actorType, String actorId, String from, String to) {
        add(t, Kind.STATUS, at, actorType, actorId, Map.of("from", from, "to", to));
    }

    private void csat(String t, String at, int rating, String resolvedAt, String byType, String byId) {
        add(t, Kind.CSAT, at, "customer", "jane@example.com",
                Map.of("rating", String.valueOf(rating), "resolvedAt", resolvedAt, "resolvedByType", byType, "resolvedById", byId));
    }

    /** IntentClassified: {@code name} null under the threshold; {@code source} auto (triage) or agent (a correction). */
    private void intent(String t, String at, String actorType, String actorId, String name, String source) {
        Map<String, String> f = new HashMap<>();
        if (name != null) f.put("name", name);
        f.put("source", source);
        add(t, Kind.INTENT, at, actorType, actorId, f);
    }

    private void add(String t, Kind kind, String at, String actorType, String actorId, Map<String, String> fields) {
        Map<String, String> f = new HashMap<>(fields);
        events.add(new Event(t, new Observation(String.format("evt_%s_%03d", t, next++), kind, Instant.parse(at), actorType, actorId, f)));
    }
}
