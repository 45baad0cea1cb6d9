package com.helpdesk.sim;

import com.helpdesk.sim.Script.Action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The backlog as the ground truth knows it: the tickets new, open and pending at an instant, and their ages
 * (creation to that instant: under 1 day, 1-3, 3-7, over 7 days; docs/metrics.md, "Backlog"). Each ticket's
 * status is replayed from what the player did, with docs/lifecycle.md's rules written out again here (no code
 * shared with the stack): a mail or chat opens {@code new}; a call logged with an assignee and an AI handoff
 * open {@code open}; an AI-resolved conversation opens {@code resolved}; assigning, an agent's public reply
 * and an escalation open a {@code new} ticket; resolve and reopen move it; a merge closes the source. No
 * step sets {@code pending}, and auto-close only closes resolved tickets, which are not open work either way.
 */
public record OpenWork(long fresh, long open, long pending, long under1d, long days1to3, long days3to7, long over7d) {

    public long total() {
        return fresh + open + pending;
    }

    static OpenWork at(List<Played> tickets, Instant at) {
        long[] byStatus = new long[3];
        long[] byAge = new long[4];
        for (Played t : tickets) {
            if (t.id() == null || t.createdAt().isAfter(at)) continue;
            String status = statusAt(t, at);
            int s = switch (status) {
                case "new" -> 0;
                case "open" -> 1;
                case "pending" -> 2;
                default -> -1;
            };
            if (s < 0) continue;
            byStatus[s]++;
            byAge[band(Duration.between(t.createdAt(), at))]++;
        }
        return new OpenWork(byStatus[0], byStatus[1], byStatus[2], byAge[0], byAge[1], byAge[2], byAge[3]);
    }

    private static int band(Duration age) {
        if (age.compareTo(Duration.ofDays(1)) < 0) return 0;
        if (age.compareTo(Duration.ofDays(3)) < 0) return 1;
        if (age.compareTo(Duration.ofDays(7)) < 0) return 2;
        return 3;
    }

    /** The ticket's status just after everything stamped at or before {@code at}. */
    static String statusAt(Played t, Instant at) {
        String status = null;
        for (Played.Event e : t.events()) {
            if (e.at().isAfter(at)) break;
            status = next(t.ticket(), status, e.action());
        }
        return status;
    }

    private static String next(Script.Ticket ticket, String status, Action action) {
        return switch (action) {
            case OPEN -> opening(ticket);
            case ASSIGN, REPLY -> "new".equals(status) ? "open" : status;
            case ESCALATE -> "closed".equals(status) ? status : "open";
            case RESOLVE -> "resolved";
            case REOPEN -> "open";
            case MERGE_INTO -> "closed";
            case NOTE, CSAT, INTENT -> status;
        };
    }

    private static String opening(Script.Ticket ticket) {
        return switch (ticket.channel()) {
            case EMAIL, CHAT -> "new";
            case PHONE -> "open";
            case AI -> ticket.aiOutcome() == Script.AiOutcome.RESOLVED ? "resolved" : "open";
        };
    }
}
