package com.helpdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.sim.Script.Action;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plays a script against a running local stack through its public API and /_local endpoints: mail
 * through SES inbound, chat through a signed webhook of the generic widget format, phone calls logged by
 * agents, AI conversations reported by the AI agent's integration. Before each step it moves the local
 * clock to the step's time, in moves of at most 2 hours (every move fires the schedules that fall due).
 */
public final class StackPlayer {
    /** Short enough that no daily schedule (the backlog census at 23:59) is passed over between two moves. */
    static final Duration MAX_CLOCK_MOVE = Duration.ofHours(2);
    /** Tokens live 12 hours on the local clock: minted again well before. */
    private static final Duration TOKEN_REFRESH = Duration.ofHours(6);

    private final StackClient stack;
    private final Consumer<String> log;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Instant> minted = new HashMap<>();
    private final Map<String, Played> played = new LinkedHashMap<>();
    private final Set<String> knownIds = new HashSet<>();
    private final ChannelIntake intake;

    public StackPlayer(StackClient stack, Consumer<String> log) {
        this.stack = stack;
        this.log = log;
        this.intake = new ChannelIntake(stack, this::token);
    }

    /** Plays every step in time order; answers each ticket as it happened. */
    public List<Played> play(Script script) {
        stack.readClock();
        intake.setUp();
        List<Script.Scheduled> timeline = script.timeline();
        int done = 0;
        for (Script.Scheduled s : timeline) {
            moveClockTo(s.step().at());
            Played t = played.computeIfAbsent(s.ticket().key(), k -> new Played(s.ticket()));
            perform(t, s.step());
            if (++done % 200 == 0) log.accept("played " + done + " of " + timeline.size() + " steps, clock " + stack.clock());
        }
        return new ArrayList<>(played.values());
    }

    private void moveClockTo(Instant target) {
        Instant now = stack.clock();
        while (now.isBefore(target)) {
            Instant next = now.plus(MAX_CLOCK_MOVE);
            now = stack.setClock(next.isBefore(target) ? next : target);
        }
    }

    String token(String subject, String role) {
        String key = subject + "/" + role;
        Instant at = minted.get(key);
        if (at == null || Duration.between(at, stack.clock()).compareTo(TOKEN_REFRESH) > 0) {
            tokens.put(key, stack.token(subject, role));
            minted.put(key, stack.clock());
        }
        return tokens.get(key);
    }

    private void perform(Played t, Script.Step step) {
        Script.Ticket ticket = t.ticket();
        String path = "/tickets/" + t.id();
        String agent = step.actor() == null ? null : token(step.actor(), "agent");
        switch (step.action()) {
            case OPEN -> {
                JsonNode opened = intake.open(ticket, step, knownIds);
                knownIds.add(opened.get("id").asText());
                t.opened(opened.get("id").asText(), Instant.parse(opened.get("createdAt").asText()));
            }
            case ASSIGN -> {
                JsonNode r = stack.expect("PATCH", path, agent, json().put("assignee", step.actor()).toString());
                t.happened(Action.ASSIGN, stamp(r, "updatedAt"), step.actor(), 0);
            }
            case NOTE, REPLY -> {
                String body = step.action() == Action.NOTE ? "Checked the order in the shop admin; see the timeline."
                        : "Thanks for reaching out about \"" + ticket.subject() + "\". I have looked into it and sorted it out for you.";
                JsonNode m = stack.expect("POST", path + "/messages", agent, json().put("body", body)
                        .put("visibility", step.action() == Action.NOTE ? "internal" : "public").toString());
                t.happened(step.action(), lastMessageAt(m), step.actor(), 0);
            }
            case ESCALATE -> {
                JsonNode r = stack.expect("POST", path + "/escalate", agent, json().put("reason", "Needs a refund decision").put("group", "tier2").toString());
                t.happened(Action.ESCALATE, stamp(r, "updatedAt"), step.actor(), 0);
            }
            case RESOLVE -> {
                JsonNode r = stack.expect("PATCH", path, agent, json().put("status", "resolved").toString());
                t.happened(Action.RESOLVE, stamp(r, "resolvedAt"), step.actor(), 0);
            }
            case REOPEN -> {
                JsonNode r = stack.expect("PATCH", path, agent, json().put("status", "open").toString());
                t.happened(Action.REOPEN, stamp(r, "updatedAt"), step.actor(), 0);
            }
            case INTENT -> {
                setIntent(path, agent, ticket.intent());
                t.happened(Action.INTENT, stack.clock(), step.actor(), 0);
            }
            case MERGE_INTO -> {
                Played target = played.get(step.target());
                ObjectNode body = json();
                body.putArray("ticketIds").add(t.id());
                stack.expect("POST", "/tickets/" + target.id() + "/merge", agent, body.toString());
                t.happened(Action.MERGE_INTO, stack.clock(), step.actor(), 0);
            }
            case CSAT -> {
                String survey = stack.expect("GET", path + "/csat", token("sim-admin", "admin"), null).get("surveyPath").asText();
                stack.expect("POST", survey, null, json().put("rating", step.rating()).toString());
                t.happened(Action.CSAT, stack.clock(), null, step.rating());
            }
        }
    }

    /**
     * PATCH {"intent"}: a correction of triage's intent. Triage may write its classification at the same moment (its
     * write and the agent's are conditional on the intent's version): a client answered 409 or 412 sends it again.
     */
    private void setIntent(String path, String agentToken, String intent) {
        String body = json().put("intent", intent).toString();
        for (int attempt = 1; ; attempt++) {
            StackClient.Reply r = stack.send("PATCH", path, agentToken, body, Map.of("Content-Type", "application/json"));
            if (r.status() / 100 == 2) return;
            if ((r.status() != 409 && r.status() != 412) || attempt == 5) {
                throw new SimulationException("PATCH " + path + " intent answered " + r.status() + ": " + r.body());
            }
        }
    }

    /** POST /tickets/{id}/messages answers the ticket with its thread: the new message is the last one. */
    private Instant lastMessageAt(JsonNode ticket) {
        JsonNode messages = ticket.path("messages");
        if (messages.isArray() && !messages.isEmpty()) return Instant.parse(messages.get(messages.size() - 1).get("createdAt").asText());
        return stack.clock();
    }

    /** The instant the stack stamped on what it answered, else (a field it does not have) the local clock now. */
    private Instant stamp(JsonNode answer, String field) {
        JsonNode v = answer.get(field);
        return v != null && v.isTextual() ? Instant.parse(v.asText()) : stack.clock();
    }

    static ObjectNode json() {
        return StackClient.JSON.createObjectNode();
    }

    static String rfc1123(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }
}
