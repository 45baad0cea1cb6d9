package com.helpdesk.sim;

import com.helpdesk.sim.Script.Action;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every figure GET /metrics and GET /metrics/agents report, computed from what the player did (the
 * script's actions at the instants the stack stamped on them), with the definitions of docs/metrics.md
 * written out again here: this class shares no code with core/metrics, which it is there to check.
 * Durations are whole seconds, truncated (an interval of 299.9 s is 299 s).
 */
public final class GroundTruth {
    private final ZoneId zone;
    private final Map<LocalDate, Figures> byDay = new TreeMap<>();
    private final Map<String, Figures> byChannel = new TreeMap<>();
    private final Map<String, Figures> byPriority = new TreeMap<>();
    private final Map<String, Figures> byAgent = new TreeMap<>();
    private final Map<String, Figures> byIntent = new TreeMap<>();
    private final List<Played> played;

    private GroundTruth(ZoneId zone, List<Played> played) {
        this.zone = zone;
        this.played = List.copyOf(played);
    }

    public static GroundTruth of(List<Played> tickets, ZoneId zone) {
        GroundTruth truth = new GroundTruth(zone, tickets);
        for (Played t : tickets) if (t.id() != null && !t.mergedAway()) truth.add(t);
        return truth;
    }

    /** By the ticket's intent: the script's, which an agent set on every ticket that counts (Script.Action.INTENT). */
    public Map<String, Figures> byIntent() {
        return byIntent;
    }

    /** The team's time zone, in which the days are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** The open work at {@code at} (a census's instant), merged-away tickets included while they were open (OpenWork). */
    public OpenWork backlogAt(Instant at) {
        return OpenWork.at(played, at);
    }

    public Map<LocalDate, Figures> byDay() {
        return byDay;
    }

    public Map<String, Figures> byChannel() {
        return byChannel;
    }

    /** By the ticket's latest priority (docs/metrics.md: priority and group are the latest, escalations included). */
    public Map<String, Figures> byPriority() {
        return byPriority;
    }

    public Map<String, Figures> byAgent() {
        return byAgent;
    }

    public LocalDate lastDay() {
        return byDay.isEmpty() ? null : ((TreeMap<LocalDate, Figures>) byDay).lastKey();
    }

    /** A ticket's dimension values: its channel, its latest priority and its intent. */
    private record Where(String channel, String priority, String intent) {}

    /** Counts one figure on the day it happened, under the ticket's channel and priority and, when attributed, under the agent. */
    private void count(Instant at, Where where, String agent, Consumer<Figures> figure) {
        figure.accept(byDay.computeIfAbsent(at.atZone(zone).toLocalDate(), d -> new Figures()));
        figure.accept(byChannel.computeIfAbsent(where.channel(), c -> new Figures()));
        figure.accept(byPriority.computeIfAbsent(where.priority(), c -> new Figures()));
        figure.accept(byIntent.computeIfAbsent(where.intent(), c -> new Figures()));
        if (agent != null) figure.accept(byAgent.computeIfAbsent(agent, a -> new Figures()));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** docs/lifecycle.md: an escalation raises the priority one step, and at least to high. */
    static String escalated(String priority) {
        return switch (priority) {
            case "high", "urgent" -> "urgent";
            default -> "high";
        };
    }

    private static Where where(Played t) {
        String priority = t.ticket().priority();
        for (Played.Event e : t.events()) if (e.action() == Action.ESCALATE) priority = escalated(priority);
        return new Where(t.channel(), priority, t.ticket().intent());
    }

    private void add(Played t) {
        Where channel = where(t);
        Instant created = t.createdAt();
        boolean ai = t.ticket().channel() == Script.Channel.AI;
        count(created, channel, null, f -> f.created++);

        Played.Event first = null;          // the first public response by an agent or the AI
        Played.Event resolution = null;     // the ticket's current resolution, null while open
        Played.Event latestRating = null;
        Played.Event escalation = null;
        Played.Event handOff = null;
        int responses = 0;
        int responsesAtResolution = 0;
        for (Played.Event e : t.events()) {
            boolean response = e.action() == Action.REPLY || e.action() == Action.OPEN && ai;
            if (response) {
                responses++;
                if (first == null) first = e;
                else if (ai && handOff == null && !"ai".equals(e.actor())) handOff = e;
            }
            if (e.action() == Action.ESCALATE && escalation == null) escalation = e;
            if (e.action() == Action.REOPEN) {
                resolution = null;
                count(e.at(), channel, null, f -> f.reopened++);
            }
            boolean resolves = e.action() == Action.RESOLVE || e.action() == Action.OPEN && t.ticket().aiOutcome() == Script.AiOutcome.RESOLVED;
            if (resolves) {
                resolution = e;
                responsesAtResolution = responses;
            }
            if (e.action() == Action.CSAT) latestRating = e;
        }
        if (first != null) {
            long s = seconds(created, first.at());
            count(first.at(), channel, first.actor(), f -> f.firstResponse.add(s));
        }
        if (escalation != null) count(escalation.at(), channel, null, f -> f.escalated++);
        if (ai) {
            count(created, channel, "ai", f -> f.aiHandled++);
            if (handOff != null) count(handOff.at(), channel, "ai", f -> f.aiHandedOff++);
        }
        if (resolution != null) countResolution(t, resolution, responsesAtResolution == 1, ai && handOff == null, latestRating);
    }

    private void countResolution(Played t, Played.Event resolution, boolean oneTouch, boolean deflected, Played.Event rating) {
        Where channel = where(t);
        long s = seconds(t.createdAt(), resolution.at());
        String resolver = resolution.actor();
        count(resolution.at(), channel, resolver, f -> {
            f.resolved++;
            f.resolution.add(s);
            if (oneTouch) f.oneTouch++;
        });
        if (deflected) count(resolution.at(), channel, "ai", f -> f.aiDeflected++);
        if (rating != null && rating.at().isAfter(resolution.at())) {
            count(rating.at(), channel, resolver, f -> {
                f.csatResponses++;
                f.csatRatingSum += rating.rating();
                if (rating.rating() >= 4) f.csatSatisfied++;
            });
        }
    }
}
