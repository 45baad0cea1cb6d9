package com.helpdesk.core.csat;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Csat;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.service.ConflictRetry;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Customer satisfaction surveys. Each resolution of a ticket has one survey link, valid for
 * {@code window} after the resolution; the customer may answer again (the last answer counts) until
 * the window closes. A reopened or re-resolved ticket invalidates older links. Ratings are accepted on
 * closed tickets too: auto-close may come before the customer answers.
 */
public final class CsatService {
    private final TicketRepository repository;
    private final CsatToken tokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration window;
    // a rating arrives right after the resolution, while its notice is still being claimed and sent on the
    // same ticket: the customer's one answer gets the longer budget rather than a 503
    private final ConflictRetry retry = ConflictRetry.intake(false);

    public CsatService(TicketRepository repository, CsatToken tokens, IdGenerator ids, Clock clock, Duration window) {
        this.repository = repository;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.window = window;
    }

    /** The survey of the ticket's current resolution. */
    public record Survey(String token, Instant expiresAt, Ticket ticket) {}

    public Survey surveyFor(String ticketId) {
        Ticket t = load(ticketId);
        if (t.resolvedAt() == null || (t.status() != Status.RESOLVED && t.status() != Status.CLOSED)) {
            throw new com.helpdesk.core.StateConflictException("not-resolved", "there is a survey only for a resolved ticket");
        }
        Instant expires = t.resolvedAt().plus(window).truncatedTo(ChronoUnit.SECONDS);
        return new Survey(tokens.sign(new CsatToken.Claims(t.id(), t.resolvedAt(), expires)), expires, t);
    }

    /** The survey a link names, when it is genuine, current and open. */
    public Survey open(String token) {
        CsatToken.Claims c = tokens.verify(token);
        if (!clock.instant().isBefore(c.expiresAt())) {
            throw new CsatToken.Expired("this survey closed on " + c.expiresAt());
        }
        Ticket t = repository.findTicket(c.ticketId()).orElseThrow(CsatToken.Forged::new);
        if (t.resolvedAt() == null || !t.resolvedAt().equals(c.resolvedAt())) {
            throw new CsatToken.Expired("this survey is for an earlier resolution of the ticket; it was reopened since");
        }
        return new Survey(token, c.expiresAt(), t);
    }

    public Ticket respond(String token, Integer rating, String comment) {
        if (rating == null || rating < 1 || rating > 5) throw new ValidationException("rating", "must be a whole number from 1 to 5");
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > Csat.MAX_COMMENT) {
            throw new ValidationException("comment", "is longer than " + Csat.MAX_COMMENT + " characters");
        }
        return retry.run(() -> {
            Ticket t = open(token).ticket();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Transition rated = t.rate(rating, text, new EventStamp(ids, Actor.customer(t.requester()), now));
            repository.commit(new TicketWrite(t, rated.ticket(), List.of(), rated.events()));
            return rated.ticket();
        });
    }

    private Ticket load(String ticketId) {
        return repository.findTicket(ticketId)
                .orElseThrow(() -> new NotFoundException("no ticket with id " + ticketId));
    }
}
