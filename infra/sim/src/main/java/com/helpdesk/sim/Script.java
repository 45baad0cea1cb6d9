package com.helpdesk.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A month (or any span) of support traffic as a script of timed actions, generated from a seed by
 * {@link ScriptGenerator} and played against a stack by {@link StackPlayer}.
 */
public record Script(long seed, ZoneId zone, LocalDate firstDay, int days, List<Ticket> tickets) {

    /** How a conversation reaches the helpdesk; {@code apiChannel} is the channel the stack records. */
    public enum Channel {
        EMAIL("email"), CHAT("chat"), PHONE("phone"), AI("web");

        public final String apiChannel;

        Channel(String apiChannel) {
            this.apiChannel = apiChannel;
        }
    }

    /**
     * What happens at a step. OPEN opens the ticket through its channel (an AI ticket with its outcome). INTENT: an
     * agent sets the ticket's intent (a correction of triage's, which then stands: docs/triage.md), so the ticket's
     * intent is the script's whatever the classifier said and whenever it said it.
     */
    public enum Action { OPEN, ASSIGN, NOTE, REPLY, ESCALATE, RESOLVE, REOPEN, MERGE_INTO, CSAT, INTENT }

    /** The AI agent's report of a conversation it had (AI tickets only). */
    public enum AiOutcome { RESOLVED, HANDOFF }

    public record Customer(String name, String email) {}

    /**
     * One action at its planned time. {@code actor} is the agent id (or {@code ai}, or null for the
     * customer); {@code rating} for CSAT; {@code target} the key of the ticket a MERGE_INTO goes into.
     */
    public record Step(Instant at, Action action, String actor, int rating, String target) {
        static Step of(Instant at, Action action, String actor) {
            return new Step(at, action, actor, 0, null);
        }
    }

    /** A ticket to be: who writes, about what ({@code intent}: an IntentName's wire name), through which channel, and what happens to it, in time order. */
    public record Ticket(String key, Channel channel, Customer customer, String intent, String priority, String subject,
                         String body, AiOutcome aiOutcome, List<Step> steps) {}

    /** A step with the ticket it belongs to, for playing every ticket's steps interleaved in time order. */
    public record Scheduled(Ticket ticket, int index, Step step) {}

    /** Every step of every ticket, by planned time (a ticket's own steps keep their order). */
    public List<Scheduled> timeline() {
        List<Scheduled> all = new ArrayList<>();
        for (Ticket t : tickets) for (int i = 0; i < t.steps().size(); i++) all.add(new Scheduled(t, i, t.steps().get(i)));
        all.sort(Comparator.comparing((Scheduled s) -> s.step().at()).thenComparing(s -> s.ticket().key()).thenComparingInt(Scheduled::index));
        return all;
    }

    public int steps() {
        return tickets.stream().mapToInt(t -> t.steps().size()).sum();
    }
}
