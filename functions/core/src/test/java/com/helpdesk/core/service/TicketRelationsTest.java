package com.helpdesk.core.service;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketRelationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk service = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final Actor alice = Actor.agent("alice");
    private final Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);

    private NewTicket phoneCall(String assignee, List<String> tags) {
        return new NewTicket("Where is my order?", jane, Channel.PHONE, null, tags, assignee, null, null,
                "Caller asks about order #1001", null, null, null);
    }

    @Test
    void linksAreRecordedOnBothSidesAndUnlinkRemovesThem() {
        String a = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        String b = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        TicketThread linked = service.relations().link(a, "1002", OptionalLong.of(1), alice);
        assertThat(linked.ticket().linkedTicketIds()).containsExactly(b);
        assertThat(service.queries().get(b).ticket().linkedTicketIds()).containsExactly(a);
        assertThat(service.relations().link(a, b, OptionalLong.empty(), alice).ticket().version()).isEqualTo(2); // already linked: no change
        assertThatThrownBy(() -> service.relations().link(a, a, OptionalLong.empty(), alice)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.relations().link(a, b, OptionalLong.of(1), alice)).isInstanceOf(VersionConflictException.class);
        service.relations().unlink(b, a, OptionalLong.empty(), alice);
        assertThat(service.queries().get(a).ticket().linkedTicketIds()).isEmpty();
        assertThat(repo.events).extracting(DomainEvent::type).containsSubsequence("Linked", "Linked", "Unlinked", "Unlinked");
    }

    @Test
    void mergeFoldsThreadsRequestersAndTagsIntoTheTargetAndClosesTheSources() {
        String target = service.commands().create(phoneCall("bob", List.of("wismo")), alice, null).thread().ticket().id();
        clock.advance(Duration.ofMinutes(1));
        Requester sam = Requester.of("requester", "sam@example.com", null, "Sam", null);
        String source = service.commands().create(new NewTicket("Also me", sam, Channel.EMAIL, null, List.of("vip"), null, null, null,
                "Same order, other email", null, null, null), alice, null).thread().ticket().id();
        clock.advance(Duration.ofMinutes(1));
        service.commands().addMessage(target, new NewMessage("On it", null, Visibility.PUBLIC, null, null), OptionalLong.empty(), alice);

        TicketThread merged = service.relations().merge(target, List.of("1002"), OptionalLong.of(2), alice);
        assertThat(merged.ticket().mergedFrom()).containsExactly(source);
        assertThat(merged.ticket().tags()).containsExactly("vip", "wismo");
        assertThat(merged.ticket().ccs()).containsExactly("sam@example.com");
        assertThat(merged.ticket().identities()).contains("jane@example.com", "sam@example.com");
        assertThat(merged.ticket().messageCount()).isEqualTo(3);
        assertThat(merged.messages()).extracting(m -> m.body())
                .containsExactly("Caller asks about order #1001", "Same order, other email", "On it");
        var closed = service.queries().get(source).ticket();
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.mergedInto()).isEqualTo(target);
        assertThat(service.queries().history(source, 10, null).entries()).extracting(DomainEvent::type).endsWith("Merged", "StatusChanged");
        assertThat(service.queries().history(source, 10, null).entries().get(3).detail()).containsEntry("reason", "merged into #1001");

        assertThatThrownBy(() -> service.relations().merge(target, List.of(source), OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("already merged");
        assertThatThrownBy(() -> service.relations().merge(target, List.of(target), OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> service.relations().merge(source, List.of(target), OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> service.relations().merge(target, List.of(), OptionalLong.empty(), alice)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.relations().merge(target, List.of("9999"), OptionalLong.empty(), alice)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStaleIfMatchOnAMergeTargetIsRefused() {
        String target = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        String source = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        assertThatThrownBy(() -> service.relations().merge(target, List.of(source), OptionalLong.of(7), alice)).isInstanceOf(VersionConflictException.class);
        assertThat(service.queries().get(source).ticket().status()).isEqualTo(Status.NEW);
    }

    @Test
    void splitMovesMessagesToAChildThatInheritsTheContext() {
        String parent = service.commands().create(phoneCall("bob", List.of("wismo")), alice, null).thread().ticket().id();
        clock.advance(Duration.ofMinutes(1));
        Actor customer = new Actor(ActorType.CUSTOMER, "cus_1", "Jane", "jane@example.com");
        TicketThread t = service.commands().addMessage(parent, new NewMessage("Also, I was charged twice", null, Visibility.PUBLIC, null, null),
                OptionalLong.empty(), customer);
        String billingMessage = t.messages().get(1).id();

        CreateResult split = service.relations().split(parent, List.of(billingMessage), "Charged twice", OptionalLong.of(2), alice);
        var child = split.thread().ticket();
        assertThat(child.parentId()).isEqualTo(parent);
        assertThat(child.subject()).isEqualTo("Charged twice");
        assertThat(child.requester()).isEqualTo(jane);
        assertThat(child.assignee()).isEqualTo("bob");
        assertThat(child.tags()).containsExactly("wismo");
        assertThat(child.messageCount()).isEqualTo(1);
        assertThat(split.thread().messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(billingMessage);
            assertThat(m.ticketId()).isEqualTo(child.id());
        });
        TicketThread after = service.queries().get(parent);
        assertThat(after.ticket().childIds()).containsExactly(child.id());
        assertThat(after.messages()).extracting(m -> m.id()).doesNotContain(billingMessage).hasSize(1);
        assertThat(after.ticket().messageCount()).isEqualTo(1);
        assertThat(service.queries().history(child.id(), 10, null).entries()).extracting(DomainEvent::type).containsExactly("TicketCreated", "Split");

        String last = after.messages().get(0).id();
        assertThatThrownBy(() -> service.relations().split(parent, List.of(last), null, OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("keep at least one");
        assertThatThrownBy(() -> service.relations().split(parent, List.of("msg_nope"), null, OptionalLong.empty(), alice))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.relations().split(parent, List.of(last), null, OptionalLong.of(1), alice))
                .isInstanceOf(VersionConflictException.class);
    }
}
