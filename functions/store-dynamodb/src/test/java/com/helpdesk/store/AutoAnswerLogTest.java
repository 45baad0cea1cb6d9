package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.deflection.AutoAnswerLog;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The auto-answer's decisions beside the ticket and in its history, and the stores' auto-answer setting, against DynamoDB Local. */
class AutoAnswerLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("decisions");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository tickets;
    private static DynamoDbAutoAnswerLog log;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        tickets = new DynamoDbTicketRepository(client, "decisions");
        log = new DynamoDbAutoAnswerLog(client, "decisions");
    }

    private static Ticket ticket() {
        Requester ana = Requester.of("requester", "ana@example.com", null, "Ana Demo", null);
        return TicketDesk.wire(tickets, new UlidGenerator(CLOCK), CLOCK).commands().create(new NewTicket("where is my order #1001", ana,
                Channel.EMAIL, null, List.of(), null, null, null, "where is it?", null, null, null), Actor.customer(ana), null).thread().ticket();
    }

    private static DomainEvent decided(Ticket t, String id, String reason) {
        return new DomainEvent(id, EventTypes.AUTO_ANSWER_DECIDED, t.id(), t.number(), CLOCK.instant().plusSeconds(5),
                new Actor(com.helpdesk.core.ticket.ActorType.AI, "auto-answer", "AI assistant", null),
                Map.of("intent", "wismo", "answered", false, "reason", reason));
    }

    @Test
    void aDecisionIsKeptBesideTheTicketAndEntersItsHistoryWithoutMovingItsVersion() {
        Ticket t = ticket();
        log.record(t.id(), "vip-customer@msg_1", 0, t.version(), decided(t, "evt_d1", "vip-customer"));

        assertThat(log.last(t.id())).contains(new AutoAnswerLog.Last("vip-customer@msg_1", 1));
        assertThat(tickets.history(t.id(), 100, null).entries()).extracting(DomainEvent::type)
                .containsExactly(EventTypes.TICKET_CREATED, EventTypes.MESSAGE_ADDED, EventTypes.AUTO_ANSWER_DECIDED);
        DomainEvent recorded = tickets.history(t.id(), 100, null).entries().get(2);
        assertThat(recorded.detail()).containsEntry("reason", "vip-customer");
        assertThat(recorded.actor().type().wire()).isEqualTo("ai");
        assertThat(tickets.find(t.id()).orElseThrow().ticket().version()).isEqualTo(t.version());
        assertThat(tickets.find(t.id()).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void aSecondDeliveryThatReadTheSameVersionIsRefusedAndWritesNoHistory() {
        Ticket t = ticket();
        log.record(t.id(), "store-off@msg_1", 0, t.version(), decided(t, "evt_d2", "store-off"));
        assertThatThrownBy(() -> log.record(t.id(), "store-off@msg_1", 0, t.version(), decided(t, "evt_d3", "store-off")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(tickets.history(t.id(), 100, null).entries()).filteredOn(e -> e.type().equals(EventTypes.AUTO_ANSWER_DECIDED))
                .extracting(DomainEvent::id).containsExactly("evt_d2");
        assertThat(log.last("nobody")).isEmpty();
    }

    @Test
    void aStoresAutoAnswerSettingRoundTripsAndAnOlderStoreReadsOff() {
        DynamoDbStoreRepository stores = new DynamoDbStoreRepository(client, "decisions");
        stores.save(new Store("demo", "Demo", "demo.myshopify.com", List.of(), List.of(), "#", "", true, new Store.AutoAnswer(true)));
        assertThat(stores.find("demo").orElseThrow().autoAnswer().wismo()).isTrue();

        stores.save(new Store("old", "Old", "old.myshopify.com", List.of(), List.of(), "#", "", false));
        client.updateItem(b -> b.tableName("decisions").key(Map.of("PK", AttributeValue.fromS("STORES"), "SK", AttributeValue.fromS("STORE#old")))
                .updateExpression("REMOVE autoAnswerWismo"));
        assertThat(stores.find("old").orElseThrow().autoAnswer().wismo()).isFalse();
    }
}
