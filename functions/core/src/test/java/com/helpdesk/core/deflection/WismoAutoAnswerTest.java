package com.helpdesk.core.deflection;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InMemoryTicketRepository;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.TicketIntents;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static com.helpdesk.core.deflection.WismoCases.IN_TRANSIT;
import static com.helpdesk.core.deflection.WismoCases.context;
import static com.helpdesk.core.deflection.WismoCases.order;
import static com.helpdesk.core.deflection.WismoCases.wismo;
import static org.assertj.core.api.Assertions.assertThat;

/** The auto-answer over the in-memory ticket store: one write answers and resolves; the customer's reply hands it back. */
class WismoAutoAnswerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final TicketDesk desk = TicketDesk.wire(repo, ids, clock);
    private final Map<String, Intent> intents = new HashMap<>();
    private final Map<String, OrderContext> contexts = new HashMap<>();
    private final Map<String, Store> stores = new HashMap<>();
    private final MemoryLog log = new MemoryLog();
    private final WismoAutoAnswer autoAnswer = new WismoAutoAnswer(new WismoAutoAnswer.Ports(repo, intents(), contexts(), stores(), log),
            new WismoRules(new WismoSettings(0.8, "vip")), new WismoReply(ZoneId.of("UTC")), ids, clock);
    private static final Requester ANA = Requester.of("requester", "ana@example.com", null, "Ana Demo", null);

    /** The log with the real store's version check. */
    static final class MemoryLog implements AutoAnswerLog {
        final Map<String, Last> last = new HashMap<>();
        final List<DomainEvent> events = new ArrayList<>();

        @Override
        public Optional<Last> last(String ticketId) {
            return Optional.ofNullable(last.get(ticketId));
        }

        @Override
        public void record(String ticketId, String key, long expectedVersion, long ticketVersion, DomainEvent event) {
            long current = last(ticketId).map(Last::version).orElse(0L);
            if (current != expectedVersion) throw new VersionConflictException("changed", current);
            last.put(ticketId, new Last(key, current + 1));
            events.add(event);
        }
    }

    private TicketIntents intents() {
        return new TicketIntents() {
            public Optional<Stored> find(String ticketId) {
                return Optional.ofNullable(intents.get(ticketId)).map(i -> new Stored(i, 1));
            }

            public void save(Intent intent, long expectedVersion, com.helpdesk.core.port.TicketWrite classification) {
                intents.put(classification.ticket().id(), intent);
            }
        };
    }

    private OrderContexts contexts() {
        return new OrderContexts() {
            public Optional<Stored> find(String ticketId) {
                return Optional.ofNullable(contexts.get(ticketId)).map(c -> new Stored(c, 1));
            }

            public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
                contexts.put(ticketId, context);
            }
        };
    }

    private StoreRepository stores() {
        return new StoreRepository() {
            public Optional<Store> find(String id) {
                return Optional.ofNullable(stores.get(id));
            }

            public List<Store> list() {
                return List.copyOf(stores.values());
            }

            public void save(Store store) {
                stores.put(store.id(), store);
            }

            public boolean delete(String id) {
                return stores.remove(id) != null;
            }
        };
    }

    private String wismoTicket(List<String> customerTags, boolean storeOn) {
        stores.put("demo", WismoCases.store(storeOn));
        String id = desk.commands().create(new NewTicket("where is my order #1001", ANA, Channel.EMAIL, null, List.of(), null, null, null,
                "Hi, where is my order #1001?", null, null, null), Actor.customer(ANA), null).thread().ticket().id();
        intents.put(id, wismo(0.93));
        contexts.put(id, context(customerTags, order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER)));
        return id;
    }

    private List<DomainEvent> history(String id) {
        return repo.history(id, 500, null).entries();
    }

    @Test
    void answersInTheTicketsChannelResolvesByTheAiAndRecordsTheDecisionOnce() {
        String id = wismoTicket(List.of(), true);

        assertThat(autoAnswer.onIntentClassified(id)).hasValueSatisfying(d -> assertThat(d.answered()).isTrue());

        TicketThread thread = desk.queries().get(id);
        Ticket t = thread.ticket();
        assertThat(t.status()).isEqualTo(Status.RESOLVED);
        assertThat(t.resolvedBy().type()).isEqualTo(ActorType.AI);
        assertThat(t.tags()).contains(Ticket.AI_DEFLECTED);
        assertThat(t.firstResponseAt()).isNotNull();
        Message answer = thread.messages().get(1);
        assertThat(answer.author().type()).isEqualTo(ActorType.AI);
        assertThat(answer.isPublic()).isTrue();
        assertThat(answer.channel()).isEqualTo(Channel.EMAIL);
        assertThat(answer.delivery().status()).as("sent by the outbound email function, as an agent's reply").isEqualTo(DeliveryStatus.QUEUED);
        assertThat(answer.body()).contains("JD014600006281234567", "Expected delivery: December 3, 2026");
        DomainEvent decided = history(id).stream().filter(e -> e.type().equals(EventTypes.AUTO_ANSWER_DECIDED)).findFirst().orElseThrow();
        assertThat(decided.detail()).containsEntry("answered", true).containsEntry("order", "#1001").containsEntry("replyId", answer.id());

        long version = t.version();
        assertThat(autoAnswer.onIntentClassified(id)).as("the event again").isEmpty();
        assertThat(desk.queries().get(id).ticket().version()).isEqualTo(version);
        assertThat(desk.queries().get(id).messages()).hasSize(2);
    }

    @Test
    void aCustomerReplyReopensItForHumansTaggedAsAHandoffWithTheAnswerVisible() {
        String id = wismoTicket(List.of(), true);
        autoAnswer.onIntentClassified(id);

        TicketThread after = desk.commands().addMessage(id, new NewMessage("It still has not arrived!", null, Visibility.PUBLIC, null, null),
                OptionalLong.empty(), Actor.customer(ANA));

        assertThat(after.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(after.ticket().tags()).contains(Ticket.AI_HANDOFF).doesNotContain(Ticket.AI_DEFLECTED);
        assertThat(after.messages()).extracting(m -> m.author().type()).containsExactly(ActorType.CUSTOMER, ActorType.AI, ActorType.CUSTOMER);
        assertThat(history(id)).filteredOn(e -> e.type().equals(EventTypes.TAGGED)).last()
                .satisfies(e -> assertThat(e.detail()).containsEntry("reason", "customer wrote again after the AI's answer"));

        assertThat(autoAnswer.onIntentClassified(id)).hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(SkipReason.ALREADY_ANSWERED));
        assertThat(autoAnswer.onIntentClassified(id)).as("recorded once").isEmpty();
        assertThat(log.events).hasSize(1);
        assertThat(desk.queries().get(id).messages()).hasSize(3);
    }

    @Test
    void anInboundMailReopeningAnAiResolutionHandsItOffToo() {
        String id = wismoTicket(List.of(), true);
        autoAnswer.onIntentClassified(id);
        Ticket resolved = desk.queries().get(id).ticket();
        Message mail = new Message("msg_reply", id, Actor.customer(ANA), Visibility.PUBLIC, "where is it?", null, Channel.EMAIL,
                clock.instant(), List.of());

        Transition received = resolved.receive(mail, false, List.of("spam-suspect"), new EventStamp(ids, Actor.customer(ANA), clock.instant()));
        repo.commit(new TicketWrite(resolved, received.ticket(), List.of(mail), received.events()));

        assertThat(received.ticket().status()).isEqualTo(Status.OPEN);
        assertThat(received.ticket().tags()).contains(Ticket.AI_HANDOFF, "spam-suspect").doesNotContain(Ticket.AI_DEFLECTED);
    }

    @Test
    void aVipIsNotAnsweredAndTheReasonIsRecordedOnceUnderRedelivery() {
        String id = wismoTicket(List.of("vip"), true);
        long version = desk.queries().get(id).ticket().version();

        assertThat(autoAnswer.onIntentClassified(id)).hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(SkipReason.VIP_CUSTOMER));
        assertThat(autoAnswer.onIntentClassified(id)).isEmpty();

        assertThat(log.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.AUTO_ANSWER_DECIDED);
            assertThat(e.detail()).containsEntry("answered", false).containsEntry("reason", "vip-customer");
            assertThat(e.actor().type()).isEqualTo(ActorType.AI);
        });
        assertThat(desk.queries().get(id).ticket().version()).as("a refusal changes nothing on the ticket").isEqualTo(version);
        assertThat(desk.queries().get(id).ticket().status()).isEqualTo(Status.NEW);
    }

    @Test
    void aStoreWithAutoAnswersOffIsNotAnswered() {
        String id = wismoTicket(List.of(), false);
        assertThat(autoAnswer.onIntentClassified(id)).hasValueSatisfying(d -> assertThat(d.explanation())
                .isEqualTo("auto-answers are off for the store (store demo)"));
        assertThat(desk.queries().get(id).messages()).hasSize(1);
    }
}
