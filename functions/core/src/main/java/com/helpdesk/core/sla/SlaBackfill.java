package com.helpdesk.core.sla;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Clocks for tickets that existed before the SLA timer was deployed (docs/sla.md, "Backfill"). A ticket's
 * history keeps every event it ever emitted, with the ids the bus carried, so the backfill applies that
 * history to {@link SlaTimer} in order, exactly as the timer would have applied the events: the clocks start
 * at the creation and pause, resume, meet and re-target where the ticket did. Tickets with clocks are left
 * alone, so running it twice (or while the timer runs) changes nothing; an event the timer sees later is a
 * duplicate by id. Closed tickets get no clocks: nothing of theirs could fire or be shown as running.
 */
public final class SlaBackfill {
    /** The statuses whose queues are walked (each an index query; never a scan). */
    static final List<Status> OPEN_STATUSES = List.of(Status.NEW, Status.OPEN, Status.PENDING, Status.RESOLVED);
    private static final int PAGE = 100;

    public record Result(int seen, int started, int alreadyRunning) {}

    private final SlaTimer timer;
    private final TicketSlaStore clocks;
    private final TicketRepository tickets;

    public SlaBackfill(SlaTimer timer, TicketSlaStore clocks, TicketRepository tickets) {
        this.timer = Objects.requireNonNull(timer);
        this.clocks = Objects.requireNonNull(clocks);
        this.tickets = Objects.requireNonNull(tickets);
    }

    /** Every ticket not closed; {@code dryRun} only counts. {@code each} hears every ticket that got clocks. */
    public Result run(boolean dryRun, Consumer<Ticket> each) {
        int seen = 0, started = 0, running = 0;
        for (Status status : OPEN_STATUSES) {
            String cursor = null;
            do {
                TicketPage page = tickets.list(new TicketQuery(status, null, null, null), PAGE, cursor);
                for (Ticket t : page.items()) {
                    seen++;
                    if (clocks.find(t.id()).isPresent()) {
                        running++;
                    } else if (dryRun || backfill(t.id())) {
                        started++;
                        each.accept(t);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return new Result(seen, started, running);
    }

    /** Applies the ticket's whole history, oldest first; false when it has clocks already (or no history). */
    public boolean backfill(String ticketId) {
        if (clocks.find(ticketId).isPresent()) return false;
        boolean applied = false;
        String cursor = null;
        do {
            HistoryPage page = tickets.history(ticketId, 500, cursor);
            for (DomainEvent e : page.entries()) applied |= timer.apply(e) == SlaTimer.Result.APPLIED;
            cursor = page.nextCursor();
        } while (cursor != null);
        return applied;
    }
}
