package com.helpdesk.store;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static TicketService service;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = NoScanClient.against(dynamo);
        client.createTable(TableSchema.createTableRequest("inbound"));
        repo = new DynamoDbTicketRepository(client, "inbound");
        service = new TicketService(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
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
                    results.add(service.receive(chat(id, "race")));
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
        assertThat(service.get(tickets.iterator().next()).messages()).hasSize(n);
    }

    @Test
    void aRedeliveryIsStoredOnceEvenWhenItRacesTheFirst() throws Exception {
        InboundResult first = service.receive(chat("dup", "dup-conv"));
        InboundResult again = service.receive(chat("dup", "dup-conv"));
        assertThat(again.outcome()).isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(service.get(first.ticketId()).messages()).hasSize(1);
        assertThat(service.get(first.ticketId()).messages().get(0).threading()).isEqualTo("new conversation");
    }
}
