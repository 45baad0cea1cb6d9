package com.helpdesk.core.service;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.email.Acknowledgment;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.TicketThread;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledgment of a new email ticket goes into the write that opens the ticket, not a change of its own. */
class AcknowledgmentOnOpeningTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final InboundThreading intake = new InboundThreading(repo, ids, clock, new Acknowledgment("Shop support"));
    private final TicketDesk desk = TicketDesk.wire(repo, ids, clock);
    private final EmailNotices notices = new EmailNotices(desk.queries(), desk.commands(),
            new CsatService(repo, new CsatToken(new byte[32]), ids, clock, Duration.ofDays(14)), "https://help.example", "Shop support", true);

    private InboundMessage email(String id, List<String> tags) {
        return new InboundMessage("email:msgid:<" + id + "@mail.example>", List.of(new ThreadKey("email:msgid:<" + id + "@mail.example>", "message-id")),
                Channel.EMAIL, Requester.of("from", "jane@example.com", null, "Jane", null), "Where is my order?", "Hello, where is it?",
                null, List.of(), clock.instant(), tags);
    }

    @Test
    void theNewTicketIsWrittenOnceWithItsAcknowledgmentQueuedAfterTheCustomersMail() {
        String id = intake.receive(email("a1", List.of())).ticketId();
        TicketThread t = desk.queries().get(id);
        assertThat(t.ticket().version()).as("one write: a separate acknowledgment would have made it version 2").isEqualTo(1);
        assertThat(t.ticket().messageCount()).isEqualTo(2);
        assertThat(t.messages()).extracting(m -> m.author().type()).containsExactly(ActorType.CUSTOMER, ActorType.SYSTEM);
        Message ack = t.messages().get(1);
        assertThat(ack.threading()).isEqualTo("acknowledgment");
        assertThat(ack.body()).contains("as ticket #" + t.ticket().number()).endsWith("Shop support");
        assertThat(ack.delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(ack.createdAt()).isAfter(t.messages().get(0).createdAt());
        List<DomainEvent> events = repo.events.stream().filter(e -> e.ticketId().equals(id)).toList();
        assertThat(events).extracting(DomainEvent::type).containsExactly("TicketCreated", "MessageAdded", "MessageAdded");
        assertThat(events.get(2).detail()).containsEntry("messageId", ack.id()).containsEntry("authorType", "system");

        assertThat(notices.acknowledge(id)).as("outbound-email's TicketCreated path finds it and writes nothing").isEmpty();
        assertThat(desk.queries().get(id).ticket().version()).isEqualTo(1);
    }

    @Test
    void spamAndChatAreNotAcknowledged() {
        String spam = intake.receive(email("s1", List.of("spam"))).ticketId();
        assertThat(desk.queries().get(spam).messages()).hasSize(1);
        InboundMessage chat = new InboundMessage("chat:generic:msg:m1", List.of(new ThreadKey("chat:generic:conv:c1", "conversation")),
                Channel.CHAT, Requester.of("requester", "jane@example.com", null, "Jane", null), "Chat", "Hi", null, List.of(), clock.instant(),
                List.of());
        String chatTicket = intake.receive(chat).ticketId();
        assertThat(desk.queries().get(chatTicket).messages()).hasSize(1);
        assertThat(desk.queries().get(chatTicket).ticket().version()).isEqualTo(1);
    }

    @Test
    void withoutTheOpeningNoticeOutboundEmailStillAcknowledgesOnce() {
        String id = desk.inbound().receive(email("o1", List.of())).ticketId();
        assertThat(desk.queries().get(id).messages()).hasSize(1);
        assertThat(notices.acknowledge(id)).isPresent();
        assertThat(notices.acknowledge(id)).isEmpty();
        assertThat(desk.queries().get(id).messages()).hasSize(2);
    }
}
