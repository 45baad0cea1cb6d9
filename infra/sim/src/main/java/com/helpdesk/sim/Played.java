package com.helpdesk.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What really happened to one scripted ticket on the stack: its id and, for each step, the instant the
 * stack stamped on it. The stack's clock keeps ticking in real time between the moves the player makes,
 * so these instants are the planned ones plus milliseconds (a slow step: seconds); the ground truth is
 * computed from them, so that durations can be compared to the second.
 */
public final class Played {
    /** One step as it happened. */
    public record Event(Script.Action action, Instant at, String actor, int rating) {}

    private final Script.Ticket ticket;
    private String id;
    private Instant createdAt;
    private final List<Event> events = new ArrayList<>();

    Played(Script.Ticket ticket) {
        this.ticket = ticket;
    }

    public Script.Ticket ticket() {
        return ticket;
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public String channel() {
        return ticket.channel().apiChannel;
    }

    void opened(String ticketId, Instant at) {
        this.id = ticketId;
        this.createdAt = at;
        events.add(new Event(Script.Action.OPEN, at, ticket.channel() == Script.Channel.AI ? "ai" : null, 0));
    }

    void happened(Script.Action action, Instant at, String actor, int rating) {
        events.add(new Event(action, at, actor, rating));
    }

    /** Merged into another ticket: the target carries the conversation, this one counts nowhere. */
    public boolean mergedAway() {
        return events.stream().anyMatch(e -> e.action() == Script.Action.MERGE_INTO);
    }
}
