package com.helpdesk.core.service;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.inbound.UnthreadedInbound;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.TicketThread;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What agents read: a ticket with its thread, the queues, a ticket's history, its files, unthreaded mail. */
public final class TicketQueries {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_HISTORY_PAGE_SIZE = 100;
    public static final int MAX_HISTORY_PAGE_SIZE = 500;

    private final TicketRepository repository;
    private final TicketReads reads;
    private final Clock clock;

    public TicketQueries(TicketRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.clock = Objects.requireNonNull(clock);
    }

    public TicketThread get(String ticketId) {
        return reads.thread(ticketId);
    }

    /**
     * Resolves what a client calls a ticket: its opaque id, or its number (all digits, "1042" or "#1042").
     * Anything else cannot name a ticket and is not found, without touching storage.
     */
    public String resolveId(String reference) {
        return reads.resolveId(reference);
    }

    public TicketPage list(TicketQuery query, Integer limit, String cursor) {
        int size = pageSize(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        if (query.assignee() != null && !TicketQuery.UNASSIGNED.equals(query.assignee())) {
            TicketFields.agentIdOrThrow("assignee", query.assignee());
        }
        String tag = query.tag() == null ? null : Tags.normalise("tag", query.tag());
        String requester = query.requester() == null ? null : Requester.normaliseIdentity(query.requester());
        return repository.list(new TicketQuery(query.status(), query.assignee(), requester, tag, groupFilter(query.group())), size,
                TicketFields.blankToNull(cursor));
    }

    /** A group as tickets carry it (set as given, at most 64 characters): an empty or longer one names no group. */
    private static String groupFilter(String group) {
        if (group == null) return null;
        List<FieldError> errors = new ArrayList<>();
        String g = TicketFields.group(group, errors);
        if (g == null) errors.add(new FieldError("group", "must not be empty"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return g;
    }

    /** The audit history, oldest first. */
    public HistoryPage history(String ticketId, Integer limit, String cursor) {
        int size = pageSize(limit, DEFAULT_HISTORY_PAGE_SIZE, MAX_HISTORY_PAGE_SIZE);
        HistoryPage page = repository.history(ticketId, size, TicketFields.blankToNull(cursor));
        if (page.entries().isEmpty() && cursor == null) throw new NotFoundException("no ticket with id " + ticketId);
        return page;
    }

    /** The machine mail of a day that opened nothing (kept 30 days): so that nothing received is out of sight. */
    public UnthreadedInbound.Page unthreaded(String day, Integer limit, String cursor) {
        LocalDate date;
        try {
            date = day == null ? LocalDate.now(clock) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ValidationException("date", "must be a day such as 2026-11-23");
        }
        int size = pageSize(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return repository.unthreaded(date, size, TicketFields.blankToNull(cursor));
    }

    /** A file of the ticket's thread (an attachment, or a message's raw original) by its public id. */
    public Attachment attachment(String ticketId, String publicId) {
        for (Message m : reads.thread(ticketId).messages()) {
            for (Attachment a : m.attachments()) if (a.publicId().equals(publicId)) return a;
            if (m.original() != null && m.original().publicId().equals(publicId)) return m.original();
        }
        throw new NotFoundException("attachment " + publicId + " on ticket " + ticketId);
    }

    private static int pageSize(Integer limit, int byDefault, int max) {
        int size = limit == null ? byDefault : limit;
        if (size < 1 || size > max) throw new ValidationException("limit", "must be between 1 and " + max);
        return size;
    }
}
