package com.helpdesk.core.sla;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * What agents read of the clocks with a ticket: its {@code sla} view computed at read time with the same
 * arithmetic the clocks use (so {@code remaining} is current to the request, not to the last event), and
 * the "breaching soon" queue view. Reads only: the clocks are written by {@link SlaTimer} alone.
 */
public final class TicketSlaQueries {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    /** Same range as the calendar preview: a bound outside it is a typo, not a query. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The ticket, its {@code sla} view (empty: no clocks), and whether a clock runs (the view then changes with time alone). */
    public record Shown(TicketThread thread, Map<String, Object> sla, boolean running) {}

    private final SlaTicketReads reads;
    private final SlaSettings settings;
    private final Clock clock;

    public TicketSlaQueries(SlaTicketReads reads, SlaSettings settings, Clock clock) {
        this.reads = Objects.requireNonNull(reads);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The ticket with its clocks as of now. A policy under a calendar costs one read of that calendar (around
     * the clock needs none); a ticket created before SLA was deployed shows no clocks until it is backfilled.
     */
    public Shown get(String ticketId) {
        SlaTicketReads.ThreadWithSla found = reads.threadWithSla(ticketId)
                .orElseThrow(() -> new NotFoundException("no ticket with id " + ticketId));
        if (found.slaState().isEmpty()) return new Shown(found.thread(), Map.of(), false);
        TicketSla sla = TicketSlaWire.fromWire(found.slaState(), settings::businessTime);
        return new Shown(found.thread(), sla.view(clock.instant()), sla.nextDueAt() != null);
    }

    /** The "breaching soon" view: {@code slaDueBefore} an ISO-8601 instant with an offset ({@code Z} or {@code +01:00}). */
    public SlaTicketReads.DuePage dueBefore(String slaDueBefore, Integer limit, String cursor) {
        Instant before = instant("slaDueBefore", slaDueBefore);
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        return reads.dueBefore(before, size, cursor == null || cursor.isBlank() ? null : cursor);
    }

    static Instant instant(String field, String text) {
        Instant at;
        try {
            at = OffsetDateTime.parse(text == null ? "" : text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant with an offset, such as 2026-12-07T09:00:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) throw new ValidationException(field, "must be in the years 1970 to 9999");
        return at;
    }
}
