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

class TicketCommandsTest {
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
    void createsATicketWithItsFirstMessageAndEvents() {
        TicketThread t = service.commands().create(phoneCall(null, List.of("WISMO", "wismo")), alice, null).thread();
        assertThat(t.ticket().id()).startsWith("tkt_");
        assertThat(t.ticket().number()).isEqualTo(1001);
        assertThat(t.ticket().status()).isEqualTo(Status.NEW);
        assertThat(t.ticket().priority()).isEqualTo(Priority.NORMAL);
        assertThat(t.ticket().tags()).containsExactly("wismo");
        assertThat(t.ticket().version()).isEqualTo(1);
        assertThat(t.messages()).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo(alice);
            assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(m.channel()).isEqualTo(Channel.PHONE);
        });
        assertThat(repo.events).extracting(DomainEvent::type).containsExactly("TicketCreated", "MessageAdded");
        assertThat(service.commands().create(phoneCall(null, null), alice, null).thread().ticket().number()).isEqualTo(1002);
    }

    @Test
    void anAssignedNewTicketStartsOpen() {
        assertThat(service.commands().create(phoneCall("bob", null), alice, null).thread().ticket().status()).isEqualTo(Status.OPEN);
    }

    @Test
    void createCollectsEveryValidationError() {
        NewTicket bad = new NewTicket(" ", null, null, null, List.of("ok", "bad!"), "has space", null, null, "", null, null, null);
        assertThatThrownBy(() -> service.commands().create(bad, alice, null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(ValidationException.FieldError::field)
                        .contains("subject", "requester", "channel", "message.body", "assignee", "tags"));
        assertThat(repo.tickets).isEmpty();
    }

    @Test
    void ticketsCannotBeCreatedClosed() {
        NewTicket closed = new NewTicket("s", jane, Channel.WEB, null, null, null, null, Status.CLOSED, "b", null, null, null);
        assertThatThrownBy(() -> service.commands().create(closed, alice, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstTicketAndAReusedKeyIsRefused() {
        IdempotencyKey key = new IdempotencyKey("alice", "k1", "fp1");
        CreateResult first = service.commands().create(phoneCall(null, null), alice, key);
        CreateResult retry = service.commands().create(phoneCall(null, null), alice, key);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.thread().ticket().id()).isEqualTo(first.thread().ticket().id());
        assertThat(repo.tickets).hasSize(1);
        assertThatThrownBy(() -> service.commands().create(phoneCall(null, null), alice, new IdempotencyKey("alice", "k1", "other")))
                .isInstanceOf(StateConflictException.class)
                .extracting(e -> ((StateConflictException) e).code()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void updateAppliesChangesWithOneEventEach() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        clock.advance(Duration.ofMinutes(5));
        TicketThread t = service.commands().update(id, new TicketChange(Status.PENDING, Priority.HIGH, Optional.of("bob"),
                Optional.of("billing"), "New subject", List.of("VIP"), List.of()), OptionalLong.of(1), alice);
        assertThat(t.ticket().status()).isEqualTo(Status.PENDING);
        assertThat(t.ticket().assignee()).isEqualTo("bob");
        assertThat(t.ticket().group()).isEqualTo("billing");
        assertThat(t.ticket().tags()).containsExactly("vip");
        assertThat(t.ticket().version()).isEqualTo(2);
        assertThat(t.ticket().updatedAt()).isEqualTo(clock.instant());
        assertThat(repo.events.subList(2, repo.events.size())).extracting(DomainEvent::type)
                .containsExactlyInAnyOrder("TicketUpdated", "PriorityChanged", "Assigned", "TicketUpdated", "StatusChanged", "Tagged");

        TicketThread cleared = service.commands().update(id, new TicketChange(null, null, Optional.empty(), Optional.empty(), null,
                null, List.of("vip")), OptionalLong.empty(), alice);
        assertThat(cleared.ticket().assignee()).isNull();
        assertThat(cleared.ticket().group()).isNull();
        assertThat(cleared.ticket().tags()).isEmpty();
    }

    @Test
    void aNoOpUpdateWritesNothing() {
        String id = service.commands().create(phoneCall(null, List.of("a")), alice, null).thread().ticket().id();
        int events = repo.events.size();
        TicketThread same = service.commands().update(id, new TicketChange(Status.NEW, Priority.NORMAL, null, null, null, List.of("A"), null),
                OptionalLong.of(1), alice);
        assertThat(same.ticket().version()).isEqualTo(1);
        assertThat(repo.events).hasSize(events);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        service.commands().update(id, new TicketChange(null, Priority.HIGH, null, null, null, null, null), OptionalLong.of(1), alice);
        assertThatThrownBy(() -> service.commands().update(id, new TicketChange(null, Priority.LOW, null, null, null, null, null),
                OptionalLong.of(1), alice))
                .isInstanceOf(VersionConflictException.class)
                .extracting(e -> ((VersionConflictException) e).currentVersion()).isEqualTo(2L);
        assertThat(repo.tickets.get(id).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void withoutIfMatchARaceIsRetriedButWithIfMatchItIsReported() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        repo.conflictsToInject = 2;
        assertThat(service.commands().update(id, new TicketChange(null, Priority.HIGH, null, null, null, null, null),
                OptionalLong.empty(), alice).ticket().priority()).isEqualTo(Priority.HIGH);
        repo.conflictsToInject = 1;
        assertThatThrownBy(() -> service.commands().update(id, new TicketChange(null, Priority.LOW, null, null, null, null, null),
                OptionalLong.of(2), alice)).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void illegalMovesAreRefusedWithTheReason() {
        String id = service.commands().create(phoneCall("bob", null), alice, null).thread().ticket().id();
        assertThatThrownBy(() -> service.commands().update(id, new TicketChange(Status.NEW, null, null, null, null, null, null),
                OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("cannot change status from open to new");
        service.commands().update(id, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        assertThatThrownBy(() -> service.commands().update(id, new TicketChange(null, Priority.HIGH, null, null, null, null, null),
                OptionalLong.empty(), alice)).isInstanceOf(StateConflictException.class).hasMessageContaining("closed");
        assertThat(repo.tickets.get(id).resolvedAt()).isNotNull();
    }

    @Test
    void assigningANewTicketOpensIt() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        TicketThread t = service.commands().update(id, new TicketChange(null, null, Optional.of("bob"), null, null, null, null),
                OptionalLong.empty(), alice);
        assertThat(t.ticket().status()).isEqualTo(Status.OPEN);
    }

    @Test
    void repliesAndNotesFollowTheLifecycle() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        clock.advance(Duration.ofMinutes(3));
        TicketThread note = service.commands().addMessage(id, new NewMessage("checking the carrier", null, Visibility.INTERNAL, null, null),
                OptionalLong.of(1), alice);
        assertThat(note.ticket().status()).isEqualTo(Status.NEW);
        assertThat(note.ticket().firstResponseAt()).isNull();

        clock.advance(Duration.ofMinutes(3));
        TicketThread reply = service.commands().addMessage(id, new NewMessage("It ships today", "<p>It ships today</p>", Visibility.PUBLIC, null, null),
                OptionalLong.empty(), alice);
        assertThat(reply.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(reply.ticket().firstResponseAt()).isEqualTo(clock.instant());
        assertThat(reply.ticket().messageCount()).isEqualTo(3);
        assertThat(reply.messages()).hasSize(3).last().satisfies(m -> {
            assertThat(m.html()).isEqualTo("<p>It ships today</p>");
            assertThat(m.channel()).isEqualTo(Channel.PHONE);
        });

        service.commands().update(id, new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        Actor customer = new Actor(ActorType.CUSTOMER, "cus_1", "Jane", "jane@example.com");
        TicketThread reopened = service.commands().addMessage(id, new NewMessage("Still not here", null, Visibility.PUBLIC, Channel.EMAIL, null),
                OptionalLong.empty(), customer);
        assertThat(reopened.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(reopened.ticket().resolvedAt()).isNull();
        assertThat(repo.events).extracting(DomainEvent::type).endsWith("MessageAdded", "StatusChanged");
    }

    @Test
    void customersCannotWriteNotesAndClosedTicketsTakeNoMessages() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        Actor customer = new Actor(ActorType.CUSTOMER, "cus_1", null, null);
        assertThatThrownBy(() -> service.commands().addMessage(id, new NewMessage("x", null, Visibility.INTERNAL, null, null),
                OptionalLong.empty(), customer)).isInstanceOf(ValidationException.class);
        service.commands().update(id, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        assertThatThrownBy(() -> service.commands().addMessage(id, new NewMessage("x", null, Visibility.PUBLIC, null, null),
                OptionalLong.empty(), alice)).isInstanceOf(StateConflictException.class);
        assertThat(repo.messages.get(id)).hasSize(1);
    }

    @Test
    void unknownTicketsAreNotFound() {
        assertThatThrownBy(() -> service.queries().get("tkt_nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.queries().get(service.queries().resolveId("99"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.commands().update("tkt_nope", new TicketChange(null, Priority.LOW, null, null, null, null, null),
                OptionalLong.empty(), alice)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void ticketsAreFoundByIdOrNumber() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        assertThat(service.queries().resolveId(id)).isEqualTo(id);
        assertThat(service.queries().resolveId("1001")).isEqualTo(id);
        assertThat(service.queries().resolveId("#1001")).isEqualTo(id);
        assertThatThrownBy(() -> service.queries().resolveId("1002")).isInstanceOf(NotFoundException.class).hasMessageContaining("number 1002");
        assertThatThrownBy(() -> service.queries().resolveId("../../etc")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.queries().resolveId("99999999999999999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listValidatesLimitsAndNormalisesFilters() {
        service.commands().create(phoneCall(null, List.of("Return Request")), alice, null);
        assertThat(service.queries().list(new TicketQuery(null, null, null, "RETURN REQUEST"), 10, null).items()).hasSize(1);
        assertThatThrownBy(() -> service.queries().list(TicketQuery.all(), 0, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.queries().list(TicketQuery.all(), 101, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.queries().list(new TicketQuery(null, "a b", null, null), 10, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aGroupsQueueListsOnlyItsTicketsAndAnEmptyOrOverlongGroupIsRefused() {
        service.commands().create(new NewTicket("Refund?", jane, Channel.PHONE, null, null, null, "billing", null,
                "Caller asks for a refund", null, null, null), alice, null);
        service.commands().create(phoneCall(null, null), alice, null);
        assertThat(service.queries().list(new TicketQuery(null, null, null, null, "billing"), 10, null).items())
                .extracting(t -> t.subject()).containsExactly("Refund?");
        assertThat(service.queries().list(new TicketQuery(null, null, null, null, "Billing"), 10, null).items()).as("as set, case and all").isEmpty();
        assertThatThrownBy(() -> service.queries().list(new TicketQuery(null, null, null, null, " "), 10, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("group"));
        assertThatThrownBy(() -> service.queries().list(new TicketQuery(null, null, null, null, "g".repeat(65)), 10, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("group"));
    }

    @Test
    void escalationRaisesLevelAndPriorityAndHandsTheTicketToTheGroup() {
        String id = service.commands().create(phoneCall("bob", null), alice, null).thread().ticket().id();
        service.commands().update(id, new TicketChange(Status.PENDING, null, null, null, null, null, null), OptionalLong.empty(), alice);
        int before = repo.events.size();
        TicketThread t = service.commands().escalate(id, " Chargeback threatened ", null, OptionalLong.of(2), alice);
        assertThat(t.ticket().escalationLevel()).isEqualTo(1);
        assertThat(t.ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(t.ticket().group()).isEqualTo(TicketCommands.DEFAULT_ESCALATION_GROUP);
        assertThat(t.ticket().assignee()).isNull();
        assertThat(t.ticket().status()).isEqualTo(Status.OPEN);
        List<DomainEvent> events = repo.events.subList(before, repo.events.size());
        assertThat(events).extracting(DomainEvent::type)
                .containsExactly("Escalated", "PriorityChanged", "Assigned", "TicketUpdated", "StatusChanged");
        assertThat(events.get(0).detail()).containsEntry("level", 1).containsEntry("reason", "Chargeback threatened")
                .containsEntry("fromAssignee", "bob").containsEntry("fromPriority", "normal");
        assertThat(events.subList(1, 5)).allSatisfy(e -> assertThat(e.detail()).containsEntry("reason", "escalated: Chargeback threatened"));

        TicketThread again = service.commands().escalate(id, "Still unresolved", "tier3", OptionalLong.empty(), alice);
        assertThat(again.ticket().escalationLevel()).isEqualTo(2);
        assertThat(again.ticket().priority()).isEqualTo(Priority.URGENT);
        assertThat(again.ticket().group()).isEqualTo("tier3");
        assertThat(service.queries().history(id, 10, null).entries()).extracting(DomainEvent::type).startsWith("TicketCreated", "MessageAdded");
    }

    @Test
    void escalationNeedsAReasonAnOpenTicketAndACurrentVersion() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        assertThatThrownBy(() -> service.commands().escalate(id, " ", null, OptionalLong.empty(), alice)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.commands().escalate(id, "why", null, OptionalLong.of(9), alice)).isInstanceOf(VersionConflictException.class);
        service.commands().update(id, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        assertThatThrownBy(() -> service.commands().escalate(id, "why", null, OptionalLong.empty(), alice))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> service.queries().history("tkt_nope", 10, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void autoCloseClosesOnlyTicketsResolvedLongEnoughAgo() {
        String old = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        String reopened = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        String recent = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        TicketChange resolve = new TicketChange(Status.RESOLVED, null, null, null, null, null, null);
        service.commands().update(old, resolve, OptionalLong.empty(), alice);
        service.commands().update(reopened, resolve, OptionalLong.empty(), alice);
        clock.advance(Duration.ofDays(3));
        service.commands().update(recent, resolve, OptionalLong.empty(), alice);
        Actor customer = new Actor(ActorType.CUSTOMER, "cus_1", null, null);
        service.commands().addMessage(reopened, new NewMessage("still broken", null, Visibility.PUBLIC, null, null), OptionalLong.empty(), customer);
        clock.advance(Duration.ofDays(2));

        AutoClose.Result r = new AutoClose(repo, service.commands(), clock).run(Duration.ofDays(4));
        assertThat(r.closed()).isEqualTo(1);
        assertThat(service.queries().get(old).ticket().status()).isEqualTo(Status.CLOSED);
        assertThat(service.queries().get(reopened).ticket().status()).isEqualTo(Status.OPEN);
        assertThat(service.queries().get(recent).ticket().status()).isEqualTo(Status.RESOLVED);
        DomainEvent last = repo.events.get(repo.events.size() - 1);
        assertThat(last.actor()).isEqualTo(AutoClose.ACTOR);
        assertThat(last.detail()).containsEntry("reason", "auto-closed 4 days after resolution");
        assertThat(new AutoClose(repo, service.commands(), clock).run(Duration.ofDays(4)).closed()).isZero();
    }

    @Test
    void bulkUpdatesReportEveryTicketAndPartialFailuresNeverStopTheRest() {
        String a = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        String b = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        service.commands().update(b, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);
        var outcomes = service.commands().bulkUpdate(List.of(a, "1002", "9999", "1001"),
                new TicketChange(Status.CLOSED, null, null, null, null, List.of("spam"), null), alice);
        assertThat(outcomes).extracting(TicketCommands.BulkOutcome::reference).containsExactly(a, "1002", "9999", "1001");
        assertThat(outcomes.get(0).ticket().status()).isEqualTo(Status.CLOSED);
        assertThat(outcomes.get(0).ticket().tags()).containsExactly("spam");
        assertThat(outcomes.get(1).refusal()).isInstanceOf(StateConflictException.class);
        assertThat(outcomes.get(2).refusal()).isInstanceOf(NotFoundException.class);
        assertThat(outcomes.get(3).refusal()).isInstanceOf(ValidationException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> service.commands().bulkUpdate(List.of(a), new TicketChange(null, null, null, null, null, List.of("bad tag!"), null), alice))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.commands().bulkUpdate(java.util.Collections.nCopies(201, a), new TicketChange(Status.OPEN, null, null, null, null, null, null), alice))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void emptyPatchIsRefused() {
        String id = service.commands().create(phoneCall(null, null), alice, null).thread().ticket().id();
        assertThatThrownBy(() -> service.commands().update(id, new TicketChange(null, null, null, null, null, null, null),
                OptionalLong.empty(), alice)).isInstanceOf(ValidationException.class).hasMessageContaining("names no field");
    }
}
