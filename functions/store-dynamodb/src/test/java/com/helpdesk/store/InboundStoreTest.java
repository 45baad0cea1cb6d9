package com.helpdesk.store;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbound messages against DynamoDB Local: dedupe and thread-key claims are what keep tickets single. */
class InboundStoreTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("inbound");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static TicketDesk service;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "inbound");
        service = TicketDesk.wire(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    private static InboundMessage chat(String id, String conversation) {
        return new InboundMessage("chat:msg:" + id, List.of(new ThreadKey("chat:conv:" + conversation, "conversation")), Channel.CHAT,
                Requester.of("requester", "jane@example.com", null, "Jane", null), "Chat", "text " + id, null, null,
                java.time.Instant.now(), List.of());
    }

    @Test
    void messagesOfANewConversationArrivingTogetherMakeOneTicket() throws Exception {
        int n = 6;
        CountDownLatch go = new CountDownLatch(1);
        List<InboundResult> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "race-" + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    results.add(service.inbound().receive(chat(id, "race")));
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertThat(errors).isEmpty();
        Set<String> tickets = ConcurrentHashMap.newKeySet();
        results.forEach(r -> tickets.add(r.ticketId()));
        assertThat(tickets).hasSize(1);
        assertThat(results).filteredOn(r -> r.outcome() == InboundResult.Outcome.CREATED).hasSize(1);
        assertThat(service.queries().get(tickets.iterator().next()).messages()).hasSize(n);
    }

    @Test
    void aMailsRecipientsAreKeptOnTheTicketItOpensAndItsThreadKeysCarryTheTicketsIndexEntry() {
        InboundMessage mail = new InboundMessage("email:msgid:r1@mail.example.com", List.of(new ThreadKey("email:msgid:r1@mail.example.com", "message-id")),
                Channel.EMAIL, Requester.of("requester", "jane@example.com", null, "Jane", null), "Hallo", "Wo ist EU-1001?", null, null,
                java.time.Instant.now(), List.of(), "r1@mail.example.com", null, InboundMessage.Kind.MESSAGE, null, List.of("support@eu.example.com"));
        String id = service.inbound().receive(mail).ticketId();
        assertThat(repo.find(id).orElseThrow().ticket().recipients()).containsExactly("support@eu.example.com");
        var keys = client.query(b -> b.tableName("inbound").indexName("GSI1").keyConditionExpression("GSI1PK = :p")
                .expressionAttributeValues(java.util.Map.of(":p", ItemMapper.s("TICKETKEYS#" + id)))).items();
        assertThat(keys).extracting(k -> k.get("PK").s())
                .containsExactlyInAnyOrder("THREADKEY#email:msgid:r1@mail.example.com", "INBOUND#email:msgid:r1@mail.example.com");
    }

    @Test
    void threadingsFirstReadFindsTheDeliveryAndEveryKeyInOneLookupBeyondABatchesHundredKeys() {
        String id = service.inbound().receive(chat("look-1", "look")).ticketId();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) keys.add("email:msgid:<never-" + i + "@x>");
        keys.add(120, "chat:conv:look");
        keys.add("chat:conv:look"); // a key twice is asked once
        var lookup = repo.lookUpInbound("chat:msg:look-1", keys);
        assertThat(lookup.deliveredBefore()).hasValue(id);
        assertThat(lookup.threadKeyTickets()).containsExactly(java.util.Map.entry("chat:conv:look", id));
        var fresh = repo.lookUpInbound("chat:msg:never", List.of());
        assertThat(fresh.deliveredBefore()).isEmpty();
        assertThat(fresh.threadKeyTickets()).isEmpty();
    }

    @Test
    void aRedeliveryIsStoredOnceEvenWhenItRacesTheFirst() throws Exception {
        InboundResult first = service.inbound().receive(chat("dup", "dup-conv"));
        InboundResult again = service.inbound().receive(chat("dup", "dup-conv"));
        assertThat(again.outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(service.queries().get(first.ticketId()).messages()).hasSize(1);
        assertThat(service.queries().get(first.ticketId()).messages().get(0).threading()).isEqualTo("new conversation");
    }

    @Test
    void aSentReplysDeliveryAndMessageIdAreStoredAndLeadAnswersToItsTicket() {
        String id = service.inbound().receive(chat("d1", "delivery")).ticketId();
        var reply = service.commands().addMessage(id, new com.helpdesk.core.service.NewMessage("answer", null,
                com.helpdesk.core.ticket.Visibility.PUBLIC, null, null), java.util.OptionalLong.empty(),
                com.helpdesk.core.ticket.Actor.agent("alice")).messages().get(1);
        assertThat(reply.delivery().status()).isEqualTo(com.helpdesk.core.ticket.DeliveryStatus.QUEUED);
        assertThat(service.deliveries().beginDelivery(id, reply.id(), com.helpdesk.core.ticket.Actor.system("t"))).isPresent();
        assertThat(service.deliveries().beginDelivery(id, reply.id(), com.helpdesk.core.ticket.Actor.system("t"))).as("claimed once").isEmpty();
        service.deliveries().recordDelivery(id, reply.id(), com.helpdesk.core.service.DeliveryOutcome.sent("p-1", "<p-1@provider>",
                List.of("email:msgid:<p-1@provider>")), com.helpdesk.core.ticket.Actor.system("t"));
        var stored = service.queries().get(id).messages().get(1);
        assertThat(stored.delivery().status()).isEqualTo(com.helpdesk.core.ticket.DeliveryStatus.SENT);
        assertThat(stored.delivery().providerId()).isEqualTo("p-1");
        assertThat(stored.externalId()).isEqualTo("<p-1@provider>");
        assertThat(repo.ticketForThreadKey("email:msgid:<p-1@provider>")).hasValue(id);
        assertThat(service.deliveries().recordDelivery(id, reply.id(),
                com.helpdesk.core.service.DeliveryOutcome.queuedAgain(null), com.helpdesk.core.ticket.Actor.system("t"))).as("never backwards").isFalse();
    }

    @Test
    void anUnthreadedAutoReplyIsRecordedOnceAndOpensNothing() {
        InboundMessage auto = new InboundMessage("email:msgid:<ooo@x>", List.of(new ThreadKey("email:msgid:<none@x>", "in-reply-to")),
                Channel.EMAIL, Requester.of("r", "robot@example.com", null, null, null), "Out of office", "away", null, null,
                java.time.Instant.now(), List.of(), "<ooo@x>", null, InboundMessage.Kind.AUTO_REPLY, null);
        assertThat(service.inbound().receive(auto).outcome()).isEqualTo(InboundResult.Outcome.UNTHREADED);
        assertThat(service.inbound().receive(auto).outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(repo.ticketForThreadKey("email:msgid:<none@x>")).isEmpty();
        var items = client.query(b -> b.tableName("inbound").keyConditionExpression("PK = :p")
                .expressionAttributeValues(java.util.Map.of(":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        "UNTHREADED#" + java.time.Instant.now().toString().substring(0, 10))))).items();
        assertThat(items).anySatisfy(i -> assertThat(i.get("from").s()).isEqualTo("robot@example.com"));
    }
}
