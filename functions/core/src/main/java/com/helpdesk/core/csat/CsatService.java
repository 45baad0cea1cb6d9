package com.helpdesk.core.csat;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Csat;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Ticket t = repository.find(c.ticketId()).map(x -> x.ticket()).orElseThrow(CsatToken.Forged::new);
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
        for (int attempt = 1; ; attempt++) {
            Ticket t = open(token).ticket();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Csat csat = new Csat(rating, text, t.resolvedAt(), t.resolvedBy(), now);
            Ticket rated = t.toBuilder().csat(csat).updatedAt(now).version(t.version() + 1).build();
            Actor customer = Actor.customer(t.requester());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("rating", rating);
            d.put("comment", text);
            d.put("resolvedAt", t.resolvedAt().toString());
            Map<String, Object> by = new LinkedHashMap<>();
            by.put("type", t.resolvedBy() == null ? null : t.resolvedBy().type().wire());
            by.put("id", t.resolvedBy() == null ? null : t.resolvedBy().id());
            d.put("resolvedBy", by);
            d.put("previousRating", t.csat() != null && t.csat().resolvedAt().equals(t.resolvedAt()) ? t.csat().rating() : null);
            DomainEvent e = new DomainEvent(ids.newId("evt"), EventTypes.CSAT_RECEIVED, t.id(), t.number(), now, customer, d);
            try {
                repository.commit(new TicketWrite(t, rated, List.of(), List.of(e)));
                return rated;
            } catch (VersionConflictException raced) {
                if (attempt >= 3) throw raced;
            }
        }
    }

    private Ticket load(String ticketId) {
        return repository.find(ticketId).map(x -> x.ticket())
                .orElseThrow(() -> new NotFoundException("no ticket with id " + ticketId));
    }
}
