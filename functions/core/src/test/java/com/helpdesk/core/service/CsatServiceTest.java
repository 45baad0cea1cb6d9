package com.helpdesk.core.service;

import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsatServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final TicketDesk tickets = TicketDesk.wire(repo, ids, clock);
    private final CsatToken tokens = new CsatToken("0123456789abcdef0123456789abcdef".getBytes());
    private final CsatService csat = new CsatService(repo, tokens, ids, clock, Duration.ofDays(7));
    private final Actor alice = Actor.agent("alice");

    private String resolvedTicket() {
        Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);
        String id = tickets.commands().create(new NewTicket("Refund", jane, Channel.EMAIL, null, null, null, null, null, "b", null, null, null),
                alice, null).thread().ticket().id();
        tickets.commands().update(id, new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        return id;
    }

    @Test
    void aRatingIsKeptAttributedToTheResolverAndCanBeChangedUntilTheWindowCloses() {
        String id = resolvedTicket();
        CsatService.Survey survey = csat.surveyFor(id);
        assertThat(survey.expiresAt()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
        Ticket rated = csat.respond(survey.token(), 4, " Quick and kind ");
        assertThat(rated.csat().rating()).isEqualTo(4);
        assertThat(rated.csat().comment()).isEqualTo("Quick and kind");
        assertThat(rated.csat().resolvedBy()).isEqualTo(alice);
        clock.advance(Duration.ofDays(2));
        tickets.commands().update(id, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        assertThat(csat.respond(survey.token(), 5, null).csat().rating()).isEqualTo(5); // closed tickets still take the rating
        DomainEvent last = repo.events.get(repo.events.size() - 1);
        assertThat(last.type()).isEqualTo("CsatReceived");
        assertThat(last.detail()).containsEntry("rating", 5).containsEntry("previousRating", 4);
        assertThat(last.actor().type()).isEqualTo(ActorType.CUSTOMER);

        clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> csat.respond(survey.token(), 1, null)).isInstanceOf(CsatToken.Expired.class);
    }

    @Test
    void forgedAndOutdatedLinksAreRefused() {
        String id = resolvedTicket();
        String token = csat.surveyFor(id).token();
        assertThatThrownBy(() -> csat.open(token.substring(0, token.length() - 2) + "xx")).isInstanceOf(CsatToken.Forged.class);
        assertThatThrownBy(() -> csat.open("nonsense")).isInstanceOf(CsatToken.Forged.class);
        assertThatThrownBy(() -> new CsatService(repo, new CsatToken("another-key-another-key-another!!".getBytes()), ids, clock,
                Duration.ofDays(7)).open(token)).isInstanceOf(CsatToken.Forged.class);
        assertThatThrownBy(() -> csat.respond(token, 6, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> csat.respond(token, null, null)).isInstanceOf(ValidationException.class);

        Actor customer = new Actor(ActorType.CUSTOMER, "jane@example.com", null, null);
        tickets.commands().addMessage(id, new NewMessage("not fixed", null, Visibility.PUBLIC, null, null), OptionalLong.empty(), customer);
        assertThatThrownBy(() -> csat.open(token)).isInstanceOf(CsatToken.Expired.class).hasMessageContaining("reopened");
        assertThatThrownBy(() -> csat.surveyFor(id)).isInstanceOf(StateConflictException.class);
        assertThat(repo.events).extracting(DomainEvent::type).doesNotContain("CsatReceived");
    }
}
