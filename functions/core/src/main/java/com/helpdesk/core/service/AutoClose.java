package com.helpdesk.core.service;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Closes resolved tickets once the customer has had {@code window} to answer. A reply inside the
 * window reopens the ticket (lifecycle rule), so it is no longer resolved when this runs.
 */
public final class AutoClose {
    public static final Actor ACTOR = Actor.system("auto-close");
    private static final int PAGE = 100;

    private final TicketRepository repository;
    private final TicketCommands tickets;
    private final Clock clock;

    public AutoClose(TicketRepository repository, TicketCommands tickets, Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.clock = clock;
    }

    public record Result(int examined, int closed) {}

    public Result run(Duration window) {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the auto-close window must be positive");
        Instant cutoff = clock.instant().minus(window);
        String reason = "auto-closed " + window.toDays() + " days after resolution";
        int examined = 0, closed = 0;
        String cursor = null;
        do {
            TicketPage page = repository.resolvedBefore(cutoff, PAGE, cursor);
            for (Ticket t : page.items()) {
                examined++;
                if (tickets.closeIfResolvedBefore(t.id(), cutoff, ACTOR, reason)) closed++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Result(examined, closed);
    }
}
