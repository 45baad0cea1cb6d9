package com.helpdesk.core.service;

import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.TicketThread;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class InboundTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk service = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);

    private InboundMessage chat(String messageId, String conversation, String text) {
        return new InboundMessage("chat:generic:msg:" + messageId, List.of(new ThreadKey("chat:generic:conv:" + conversation, "conversation")),
                Channel.CHAT, jane, "Chat with Jane", text, null, null, clock.instant(), List.of());
    }

    @Test
    void aNewConversationOpensATicketAndLaterMessagesJoinIt() {
        InboundResult first = service.inbound().receive(chat("m1", "c1", "Hi, where is my order?"));
        assertThat(first.outcome()).isEqualTo(InboundResult.Outcome.CREATED);
        InboundResult second = service.inbound().receive(chat("m2", "c1", "It was order 1001"));
        assertThat(second.outcome()).isEqualTo(InboundResult.Outcome.THREADED);
        assertThat(second.ticketId()).isEqualTo(first.ticketId());
        TicketThread t = service.queries().get(first.ticketId());
        assertThat(t.messages()).extracting(m -> m.threading()).containsExactly("new conversation", "conversation");
        assertThat(t.messages()).allSatisfy(m -> assertThat(m.author().type()).isEqualTo(ActorType.CUSTOMER));
        assertThat(t.ticket().channel()).isEqualTo(Channel.CHAT);
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnce() {
        InboundResult first = service.inbound().receive(chat("m1", "c1", "Hello"));
        InboundResult again = service.inbound().receive(chat("m1", "c1", "Hello"));
        assertThat(again.outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(service.queries().get(first.ticketId()).messages()).hasSize(1);
    }

    @Test
    void aReplyReopensAResolvedTicketAndAClosedOneGetsALinkedFollowUp() {
        String id = service.inbound().receive(chat("m1", "c1", "Hello")).ticketId();
        Actor alice = Actor.agent("alice");
        service.commands().update(id, new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        assertThat(service.inbound().receive(chat("m2", "c1", "Still broken")).outcome()).isEqualTo(InboundResult.Outcome.THREADED);
        assertThat(service.queries().get(id).ticket().status()).isEqualTo(Status.OPEN);

        service.commands().update(id, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        InboundResult followUp = service.inbound().receive(chat("m3", "c1", "New problem"));
        assertThat(followUp.outcome()).isEqualTo(InboundResult.Outcome.FOLLOW_UP);
        assertThat(followUp.ticketId()).isNotEqualTo(id);
        assertThat(service.queries().get(followUp.ticketId()).ticket().linkedTicketIds()).containsExactly(id);
        assertThat(service.queries().get(id).ticket().linkedTicketIds()).containsExactly(followUp.ticketId());
        assertThat(followUp.reason()).contains("follow-up of closed #1001");
        // the conversation now continues on the follow-up
        assertThat(service.inbound().receive(chat("m4", "c1", "more")).ticketId()).isEqualTo(followUp.ticketId());
    }

    @Test
    void aReplyToAMergedTicketLandsInTheTarget() {
        String source = service.inbound().receive(chat("m1", "c1", "First contact")).ticketId();
        String target = service.inbound().receive(chat("m2", "c2", "Second contact")).ticketId();
        service.relations().merge(target, List.of(source), OptionalLong.empty(), Actor.agent("alice"));
        InboundResult reply = service.inbound().receive(chat("m3", "c1", "Reply in the old chat"));
        assertThat(reply.outcome()).isEqualTo(InboundResult.Outcome.THREADED);
        assertThat(reply.ticketId()).isEqualTo(target);
        assertThat(reply.reason()).isEqualTo("conversation (merged into #1002)");
    }

    @Test
    void aLostRaceForANewConversationIsThreadedIntoTheWinner() {
        String winner = service.inbound().receive(chat("m1", "c1", "Hello")).ticketId();
        repo.threadKeys.remove("chat:generic:conv:c1"); // as if the winner committed after this message looked
        repo.threadKeys.put("chat:generic:conv:c1", winner);
        InboundResult second = service.inbound().receive(chat("m2", "c1", "Hello again"));
        assertThat(second.ticketId()).isEqualTo(winner);
        assertThat(repo.tickets).hasSize(1);
    }
}
