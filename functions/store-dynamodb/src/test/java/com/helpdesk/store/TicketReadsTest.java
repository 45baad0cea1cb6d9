package com.helpdesk.store;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.AiConversation;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket-only and message-only reads answer exactly what the whole-thread read answers for them,
 * with one request each, on tickets made by the real service: plain threads, merged threads (whose
 * sources' messages are not the target's own), split threads (moved messages keep their ids and times)
 * and AI transcripts (messages dated before their ids were made).
 */
class TicketReadsTest {
    private static final Actor ALICE = Actor.agent("alice");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("reads");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static TicketDesk service;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "reads");
        service = TicketDesk.wire(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    private static String open(String subject, String email) {
        return service.commands().create(new NewTicket(subject, Requester.of("r", email, null, "Jane", null), Channel.EMAIL, null, List.of("wismo"),
                null, null, null, "first", null, null, null), ALICE, null).thread().ticket().id();
    }

    private static void reply(String ticketId, String body, Visibility visibility) {
        service.commands().addMessage(ticketId, new NewMessage(body, null, visibility, null, null), OptionalLong.empty(), ALICE);
    }

    /** Every ticket and every message of the thread read alone equals what the thread read gives. */
    private static void readsAloneAgreeWithTheThread(String ticketId) {
        TicketThread thread = repo.find(ticketId).orElseThrow();
        NoScanClient.OPERATIONS.clear();
        assertThat(repo.findTicket(ticketId)).contains(thread.ticket());
        assertThat(NoScanClient.OPERATIONS).containsExactly("GetItem");
        for (Message m : thread.messages()) {
            NoScanClient.OPERATIONS.clear();
            if (m.ticketId().equals(ticketId)) {
                assertThat(repo.findMessage(ticketId, m.id())).as(m.id()).contains(m);
            } else {
                assertThat(repo.findMessage(ticketId, m.id())).as("a merged source's message is not the target's own").isEmpty();
                assertThat(repo.findMessage(m.ticketId(), m.id())).contains(m);
            }
            assertThat(NoScanClient.OPERATIONS).allMatch("Query"::equals).hasSize(m.ticketId().equals(ticketId) ? 1 : 2);
        }
    }

    @Test
    void aTicketAndEachOfItsMessagesReadAloneAsInTheThread() {
        String id = open("Where is my order?", "reads@example.com");
        reply(id, "It ships today", Visibility.PUBLIC);
        reply(id, "checked the warehouse", Visibility.INTERNAL);
        service.commands().update(id, new com.helpdesk.core.ticket.TicketChange(com.helpdesk.core.ticket.Status.PENDING, null, null, null, null,
                List.of("vip"), null), OptionalLong.empty(), ALICE);
        assertThat(repo.find(id).orElseThrow().messages()).hasSize(3);
        readsAloneAgreeWithTheThread(id);
    }

    @Test
    void mergedAndSplitThreadsReadAloneAsInTheThread() {
        String target = open("Target", "merge-target@example.com");
        String source = open("Source", "merge-source@example.com");
        reply(source, "source reply", Visibility.PUBLIC);
        service.relations().merge(target, List.of(source), OptionalLong.empty(), ALICE);
        readsAloneAgreeWithTheThread(target);
        readsAloneAgreeWithTheThread(source);

        String parent = open("Two questions", "split@example.com");
        reply(parent, "about the refund", Visibility.PUBLIC);
        Message moving = repo.find(parent).orElseThrow().messages().get(1);
        String child = service.relations().split(parent, List.of(moving.id()), "Refund", OptionalLong.empty(), ALICE).thread().ticket().id();
        assertThat(repo.findMessage(parent, moving.id())).as("moved away").isEmpty();
        assertThat(repo.findMessage(child, moving.id())).hasValueSatisfying(m -> assertThat(m.createdAt()).isEqualTo(moving.createdAt()));
        readsAloneAgreeWithTheThread(parent);
        readsAloneAgreeWithTheThread(child);
    }

    @Test
    void aTranscriptsTurnsDatedBeforeTheirIdsReadAlone() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        String id = service.ai().recordAiConversation(new AiConversation("conv-" + System.nanoTime(), Channel.CHAT,
                Requester.of("r", "ai@example.com", null, null, null),
                List.of(new AiConversation.Turn(true, "where is my parcel", hourAgo),
                        new AiConversation.Turn(false, "it is on its way", hourAgo.plusSeconds(5))),
                "wismo", 0.9, "asked for the parcel", AiConversation.Outcome.HANDOFF, "wants a human"),
                new Actor(com.helpdesk.core.ticket.ActorType.AI, "agent-1", "Shop bot", null))
                .thread().ticket().id();
        readsAloneAgreeWithTheThread(id);
    }

    @Test
    void unknownTicketsAndMessagesAreEmpty() {
        String id = open("Known", "known@example.com");
        String messageOfAnother = repo.find(open("Other", "other@example.com")).orElseThrow().messages().get(0).id();
        assertThat(repo.findTicket("tkt_missing")).isEmpty();
        assertThat(repo.findMessage("tkt_missing", "msg_missing")).isEmpty();
        assertThat(repo.findMessage(id, "msg_missing")).isEmpty();
        assertThat(repo.findMessage(id, messageOfAnother)).isEmpty();
        // a message id is never matched by prefix: the filter compares whole ids
        String own = repo.find(id).orElseThrow().messages().get(0).id();
        assertThat(repo.findMessage(id, own.substring(0, own.length() - 1))).isEmpty();
    }

    @Test
    void inboundMessagesReadAloneAsInTheThread() {
        InboundMessage in = new InboundMessage("chat:reads:msg:1", List.of(new ThreadKey("chat:reads:conv:1", "conversation")), Channel.CHAT,
                Requester.of("r", "chat-reads@example.com", null, "Jane", null), "Chat", "hello", null, null,
                Instant.now().minusSeconds(60), List.of());
        String id = service.inbound().receive(in).ticketId();
        readsAloneAgreeWithTheThread(id);
    }
}
