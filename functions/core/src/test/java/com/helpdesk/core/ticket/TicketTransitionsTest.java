package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle rules on the aggregate itself: each transition's next version and its events, without a store. */
class TicketTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));
    private final AtomicInteger eventIds = new AtomicInteger();
    private final Actor alice = Actor.agent("alice");
    private final Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);
    private final Actor customer = Actor.customer(jane);

    private EventStamp at(Instant when, Actor actor) {
        return new EventStamp(prefix -> prefix + "_" + eventIds.incrementAndGet(), actor, when);
    }

    private Ticket ticket(String id, Status status) {
        return Ticket.builder().id(id).number(1001).subject("Where is my order?").status(status).priority(Priority.NORMAL)
                .channel(Channel.EMAIL).requester(jane).createdAt(T0).updatedAt(T0).version(3).lastMessageAt(T0).messageCount(1)
                .resolvedAt(status == Status.RESOLVED ? T0 : null).build();
    }

    private Message message(Actor author, Visibility visibility) {
        return new Message("msg_" + eventIds.incrementAndGet(), "tkt_a", author, visibility, "text", null, Channel.EMAIL, T1, List.of());
    }

    private static List<String> types(Transition t) {
        return t.events().stream().map(DomainEvent::type).toList();
    }

    @Test
    void everyTransitionWritesExactlyTheNextVersion() {
        Ticket t = ticket("tkt_a", Status.NEW);
        assertThat(t.addMessage(message(alice, Visibility.PUBLIC), at(T1, alice)).ticket().version()).isEqualTo(4);
        assertThat(t.escalate("why", "tier2", at(T1, alice)).ticket().version()).isEqualTo(4);
        assertThat(t.link(ticket("tkt_b", Status.OPEN), at(T1, alice)).ticket().version()).isEqualTo(4);
        Message reply = message(alice, Visibility.PUBLIC).withDelivery(Delivery.queued(T0));
        assertThat(t.recordDelivery(reply, reply.delivery().claimed(T1), at(T1, alice)).ticket().version()).isEqualTo(4);
    }

    @Test
    void theTeamsFirstPublicReplyOpensANewTicketAndIsItsFirstResponse() {
        Transition r = ticket("tkt_a", Status.NEW).addMessage(message(alice, Visibility.PUBLIC), at(T1, alice));
        assertThat(r.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(r.ticket().firstResponseAt()).isEqualTo(T1);
        assertThat(r.ticket().lastMessageAt()).isEqualTo(T1);
        assertThat(r.ticket().messageCount()).isEqualTo(2);
        assertThat(types(r)).containsExactly("MessageAdded", "StatusChanged");
        assertThat(r.events().get(0).detail()).containsEntry("status", "open");
    }

    @Test
    void aNoteMovesNothingAndIsNoFirstResponse() {
        Transition n = ticket("tkt_a", Status.NEW).addMessage(message(alice, Visibility.INTERNAL), at(T1, alice));
        assertThat(n.ticket().status()).isEqualTo(Status.NEW);
        assertThat(n.ticket().firstResponseAt()).isNull();
        assertThat(types(n)).containsExactly("MessageAdded");
    }

    @Test
    void aCustomerMessageReopensAResolvedTicketAndClearsItsResolution() {
        Transition r = ticket("tkt_a", Status.RESOLVED).addMessage(message(customer, Visibility.PUBLIC), at(T1, customer));
        assertThat(r.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(r.ticket().resolvedAt()).isNull();
        assertThat(r.ticket().firstResponseAt()).isNull();
    }

    @Test
    void aClosedTicketTakesNoMessageNotEvenAnAutoReply() {
        Ticket closed = ticket("tkt_a", Status.CLOSED);
        assertThatThrownBy(() -> closed.addMessage(message(alice, Visibility.INTERNAL), at(T1, alice)))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> closed.receive(message(customer, Visibility.PUBLIC), true, List.of(), at(T1, customer)))
                .isInstanceOf(StateConflictException.class);
        assertThat(closed.acceptsNotices()).isFalse();
    }

    @Test
    void anInboundAutoReplyJoinsWithoutReopeningAndInboundTagsJoinWhileThereIsRoom() {
        Ticket pending = ticket("tkt_a", Status.PENDING);
        Transition auto = pending.receive(message(customer, Visibility.PUBLIC), true, List.of("bounce"), at(T1, customer));
        assertThat(auto.ticket().status()).isEqualTo(Status.PENDING);
        assertThat(auto.ticket().tags()).containsExactly("bounce");
        assertThat(types(auto)).containsExactly("MessageAdded", "Tagged");
        Transition wrote = pending.receive(message(customer, Visibility.PUBLIC), false, List.of(), at(T1, customer));
        assertThat(wrote.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(wrote.events().get(1).detail()).containsEntry("reason", "customer wrote");
    }

    @Test
    void aNoticeIsNoActivity() {
        Ticket t = ticket("tkt_a", Status.OPEN);
        Transition n = t.addNotice(message(Actor.system("notices"), Visibility.PUBLIC), at(T1, Actor.system("notices")));
        assertThat(n.ticket().updatedAt()).isEqualTo(T0);
        assertThat(n.ticket().lastMessageAt()).isEqualTo(T0);
        assertThat(n.ticket().messageCount()).isEqualTo(2);
        assertThat(types(n)).containsExactly("MessageAdded");
    }

    @Test
    void anUpdateThatChangesNothingIsNoTransition() {
        Ticket t = ticket("tkt_a", Status.NEW);
        Transition same = t.update(new TicketChange(Status.NEW, Priority.NORMAL, null, null, null, List.of(), null), at(T1, alice));
        assertThat(same.changed()).isFalse();
        assertThat(same.ticket()).isSameAs(t);
    }

    @Test
    void resolvingRecordsWhoResolvedAndAssigningANewTicketOpensIt() {
        Transition resolved = ticket("tkt_a", Status.OPEN).update(new TicketChange(Status.RESOLVED, null, null, null, null, null, null),
                at(T1, alice));
        assertThat(resolved.ticket().resolvedAt()).isEqualTo(T1);
        assertThat(resolved.ticket().resolvedBy()).isEqualTo(alice);
        Transition assigned = ticket("tkt_a", Status.NEW).update(new TicketChange(null, null, Optional.of("bob"), null, null, null, null),
                at(T1, alice));
        assertThat(assigned.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(types(assigned)).containsExactly("Assigned", "StatusChanged");
    }

    @Test
    void escalationPriorityRule() {
        assertThat(Ticket.escalatedPriority(Priority.LOW)).isEqualTo(Priority.HIGH);
        assertThat(Ticket.escalatedPriority(Priority.NORMAL)).isEqualTo(Priority.HIGH);
        assertThat(Ticket.escalatedPriority(Priority.HIGH)).isEqualTo(Priority.URGENT);
        assertThat(Ticket.escalatedPriority(Priority.URGENT)).isEqualTo(Priority.URGENT);
    }

    @Test
    void escalationHandsAWaitingTicketToTheGroupAndRefusesAClosedOne() {
        Ticket t = ticket("tkt_a", Status.RESOLVED).toBuilder().assignee("bob").build();
        Transition e = t.escalate("Chargeback threatened", "escalations", at(T1, alice));
        assertThat(e.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(e.ticket().resolvedAt()).isNull();
        assertThat(e.ticket().assignee()).isNull();
        assertThat(e.ticket().escalationLevel()).isEqualTo(1);
        assertThat(types(e)).containsExactly("Escalated", "PriorityChanged", "Assigned", "TicketUpdated", "StatusChanged");
        assertThatThrownBy(() -> ticket("tkt_a", Status.CLOSED).escalate("why", "g", at(T1, alice)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("closed");
    }

    @Test
    void linksAreIdempotentAndLimited() {
        Ticket a = ticket("tkt_a", Status.OPEN);
        Ticket b = ticket("tkt_b", Status.CLOSED);
        Transition linked = a.link(b, at(T1, alice));
        assertThat(linked.ticket().linkedTicketIds()).containsExactly("tkt_b");
        assertThat(linked.events().get(0).detail()).containsEntry("otherTicketId", "tkt_b");
        assertThat(linked.ticket().link(b, at(T1, alice)).changed()).isFalse();
        assertThat(linked.ticket().unlink(b, at(T1, alice)).ticket().linkedTicketIds()).isEmpty();
        List<String> full = java.util.stream.IntStream.range(0, Ticket.MAX_LINKS).mapToObj(i -> "tkt_" + i).toList();
        Ticket crowded = a.toBuilder().linkedTicketIds(full).build();
        assertThatThrownBy(() -> crowded.link(b, at(T1, alice))).isInstanceOf(StateConflictException.class);
        assertThat(crowded.followedUpBy(b, at(T1, customer)).ticket().linkedTicketIds()).contains("tkt_b");
    }

    @Test
    void mergingClosesTheSourceWithAPointerAndRefusesCycles() {
        Ticket target = ticket("tkt_a", Status.OPEN);
        Ticket source = ticket("tkt_b", Status.PENDING).toBuilder()
                .requester(Requester.of("requester", "sam@example.com", null, "Sam", null)).tags(List.of("vip")).build();
        Transition merged = target.mergeIn(List.of(source), at(T1, alice));
        assertThat(merged.ticket().ccs()).containsExactly("sam@example.com");
        assertThat(merged.ticket().messageCount()).isEqualTo(2);
        assertThat(types(merged)).containsExactly("Merged", "Tagged");
        Transition closed = source.mergeInto(target, at(T1, alice));
        assertThat(closed.ticket().status()).isEqualTo(Status.CLOSED);
        assertThat(closed.ticket().mergedInto()).isEqualTo("tkt_a");
        assertThat(closed.ticket().resolvedAt()).isEqualTo(T1);
        assertThatThrownBy(() -> merged.ticket().mergeInto(source, at(T1, alice))).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> source.mergeIn(List.of(closed.ticket()), at(T1, alice))).isInstanceOf(StateConflictException.class);
    }

    @Test
    void autoCloseTakesOnlyTicketsResolvedBeforeTheCutoff() {
        Ticket resolved = ticket("tkt_a", Status.RESOLVED);
        assertThat(resolved.closeIfResolvedBefore(T0, "r", at(T1, alice)).changed()).isFalse();
        Transition closed = resolved.closeIfResolvedBefore(T1, "auto-closed", at(T1, alice));
        assertThat(closed.ticket().status()).isEqualTo(Status.CLOSED);
        assertThat(closed.events().get(0).detail()).containsEntry("reason", "auto-closed");
        assertThat(ticket("tkt_a", Status.OPEN).closeIfResolvedBefore(T1, "r", at(T1, alice)).changed()).isFalse();
    }

    @Test
    void deliveryNewsIsNoActivityAndOnlyOutcomesMakeEvents() {
        Ticket t = ticket("tkt_a", Status.OPEN);
        Message reply = message(alice, Visibility.PUBLIC).withDelivery(Delivery.queued(T0));
        Delivery sending = reply.delivery().claimed(T1);
        Transition claim = t.recordDelivery(reply, sending, at(T1, alice));
        assertThat(claim.events()).isEmpty();
        assertThat(claim.ticket().updatedAt()).isEqualTo(T0);
        Transition sent = t.recordDelivery(reply, Delivery.reported(sending, DeliveryStatus.SENT, T1, "p-1", null), at(T1, alice));
        assertThat(types(sent)).containsExactly("DeliveryUpdated");
        assertThat(sent.events().get(0).detail()).containsEntry("providerId", "p-1");
    }

    @Test
    void aDeliveryIsClaimedOnceUntilItsLeaseRunsOutAndNeverMovesBack() {
        Delivery queued = Delivery.queued(T0);
        assertThat(queued.claimable(T0)).isTrue();
        Delivery sending = queued.claimed(T0);
        assertThat(sending.attempts()).isEqualTo(1);
        assertThat(sending.claimable(T0.plus(Duration.ofMinutes(1)))).isFalse();
        assertThat(sending.claimable(T0.plus(Delivery.SENDING_LEASE).plusMillis(1))).isTrue();
        assertThat(sending.accepts(DeliveryStatus.QUEUED)).as("a transient failure queues it again").isTrue();
        Delivery read = Delivery.reported(sending, DeliveryStatus.READ, T1, "p-1", null);
        assertThat(read.accepts(DeliveryStatus.SENT)).isFalse();
        assertThat(read.accepts(DeliveryStatus.FAILED)).isFalse();
    }

    @Test
    void aStalePinnedVersionIsRefused() {
        Ticket t = ticket("tkt_a", Status.OPEN);
        t.requireVersion(OptionalLong.empty());
        t.requireVersion(OptionalLong.of(3));
        assertThatThrownBy(() -> t.requireVersion(OptionalLong.of(2))).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void aCustomerWritingAgainAfterAnAiResolutionHandsTheTicketToHumans() {
        Ticket aiResolved = ticket("tkt_a", Status.RESOLVED).toBuilder().resolvedBy(new Actor(ActorType.AI, "bot", null, null))
                .tags(List.of(Ticket.AI_DEFLECTED)).build();
        Transition t = aiResolved.continueAiConversation(List.of(message(customer, Visibility.PUBLIC)), false, List.of(), customer,
                at(T1, new Actor(ActorType.AI, "bot", null, null)));
        assertThat(t.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(t.ticket().tags()).containsExactly(Ticket.AI_HANDOFF);
        assertThat(types(t)).containsExactly("MessageAdded", "StatusChanged", "Tagged");
        assertThat(t.events().get(1).actor()).isEqualTo(customer);
    }
}
