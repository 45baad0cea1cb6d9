package com.helpdesk.store;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.chat.ChatReplyTransport;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.email.EmailReplyTransport;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.BusinessTime;
import com.helpdesk.core.sla.SlaPolicy;
import com.helpdesk.core.sla.SlaPolicyWire;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketFacts;
import com.helpdesk.core.sla.TicketSla;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.sla.TicketSlaWire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each operation costs in DynamoDB requests, measured on DynamoDB Local through the real store,
 * each operation driven as its function drives it (docs/access-patterns.md quotes these figures). The
 * table of every figure is printed after the run. To measure another operation: call {@link #measure}
 * in a test and state the figure; when a change moves a figure, update the assertion and the doc.
 * Figures are steady-state: the signing keys a function caches after its first use are loaded first.
 */
class RequestCountTest {
    private static final Actor ALICE = Actor.agent("alice");
    private static final Map<String, String> MEASURED = new LinkedHashMap<>();
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("counts");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static TicketDesk service;
    private static ChatChannel channel;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "counts");
        service = TicketDesk.wire(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
        service.queries().list(new TicketQuery(Status.NEW, null, null, null), 1, null); // loads the cursor key, as a warm function has it
        Instant now = Instant.now();
        channel = new ChatChannel("wa1", ChatKind.WHATSAPP, "WhatsApp", Map.of("phoneNumberId", "100"), now, now);
        new DynamoDbChannelRepository(client, "counts").save(channel);
    }

    @AfterAll
    static void printTable() {
        StringBuilder table = new StringBuilder("\n| operation | DynamoDB requests |\n| --- | --- |\n");
        MEASURED.forEach((operation, figure) -> table.append("| ").append(operation).append(" | ").append(figure).append(" |\n"));
        System.out.println(table);
    }

    /** Runs the operation, records the requests it made (e.g. "1 GetItem + 1 TransactWriteItems"), returns its result. */
    static <T> T measure(String operation, Supplier<T> op) {
        NoScanClient.OPERATIONS.clear();
        T result = op.get();
        Map<String, Integer> counts = new TreeMap<>();
        for (String o : new ArrayList<>(NoScanClient.OPERATIONS)) counts.merge(o, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        counts.forEach((o, n) -> parts.add(n + " " + o));
        MEASURED.put(operation, String.join(" + ", parts));
        return result;
    }

    private static String requests(String operation) {
        return MEASURED.get(operation);
    }

    private static String emailTicket(String email) {
        return service.commands().create(new NewTicket("Where is my order?", Requester.of("r", email, null, "Jane", null), Channel.EMAIL, null,
                List.of("wismo"), null, null, null, "first", null, null, null), ALICE, null).thread().ticket().id();
    }

    private static NewMessage publicReply(String body) {
        return new NewMessage(body, null, Visibility.PUBLIC, null, null);
    }

    @Test
    void storeReads() {
        String id = emailTicket("reads@example.com");
        String messageId = repo.find(id).orElseThrow().messages().get(0).id();
        measure("read the ticket with its thread (find)", () -> repo.find(id));
        measure("read the ticket item (findTicket)", () -> repo.findTicket(id));
        measure("read one message (findMessage)", () -> repo.findMessage(id, messageId));
        measure("ticket id by number", () -> repo.findIdByNumber(1));
        assertThat(requests("read the ticket with its thread (find)")).isEqualTo("1 Query");
        assertThat(requests("read the ticket item (findTicket)")).isEqualTo("1 GetItem");
        assertThat(requests("read one message (findMessage)")).isEqualTo("1 Query");
        assertThat(requests("ticket id by number")).isEqualTo("1 GetItem");
    }

    @Test
    void agentsApi() {
        String id = measure("create a ticket (POST /tickets)", () -> emailTicket("api@example.com"));
        long number = repo.findTicket(id).orElseThrow().number();
        measure("get a ticket (GET /tickets/{id})", () -> service.queries().get(service.queries().resolveId(id)));
        measure("get a ticket by number (GET /tickets/#n)", () -> service.queries().get(service.queries().resolveId("#" + number)));
        measure("change status (PATCH)", () -> service.commands().update(id, new TicketChange(Status.PENDING, null, null, null, null, null, null),
                OptionalLong.empty(), ALICE));
        measure("add a public reply (POST /tickets/{id}/messages)", () -> service.commands().addMessage(id, publicReply("It ships today"),
                OptionalLong.empty(), ALICE));
        measure("add an internal note", () -> service.commands().addMessage(id, new NewMessage("checked", null, Visibility.INTERNAL, null, null),
                OptionalLong.empty(), ALICE));
        measure("queue by status, one page", () -> service.queries().list(new TicketQuery(Status.PENDING, null, null, null), 25, null));
        measure("ticket history, one page", () -> service.queries().history(id, 50, null));
        assertThat(requests("create a ticket (POST /tickets)")).isEqualTo("1 TransactWriteItems + 1 UpdateItem");
        assertThat(requests("get a ticket (GET /tickets/{id})")).isEqualTo("1 Query");
        assertThat(requests("get a ticket by number (GET /tickets/#n)")).isEqualTo("1 GetItem + 1 Query");
        assertThat(requests("change status (PATCH)")).isEqualTo("1 Query + 1 TransactWriteItems");
        assertThat(requests("add a public reply (POST /tickets/{id}/messages)")).isEqualTo("1 Query + 1 TransactWriteItems");
        assertThat(requests("add an internal note")).isEqualTo("1 Query + 1 TransactWriteItems");
        assertThat(requests("queue by status, one page")).isEqualTo("4 Query");
        assertThat(requests("ticket history, one page")).isEqualTo("1 Query");
    }

    @Test
    void ticketsWithTheirClocks() {
        DynamoDbTicketSla clocks = new DynamoDbTicketSla(client, "counts");
        DynamoDbSlaSettings stored = new DynamoDbSlaSettings(client, "counts");
        SlaSettings settings = new SlaSettings(stored, java.time.ZoneId.of("UTC"));
        TicketSlaQueries sla = new TicketSlaQueries(new DynamoDbSlaTicketReads(client, "counts"), settings, Clock.systemUTC());
        String allDay = emailTicket("sla-247@example.com");
        String office = emailTicket("sla-office@example.com");
        Instant now = Instant.now();
        settings.savePolicy(SlaPolicyWire.parse("office-hours", Map.of("name", "Office", "order", 5, "businessHours", "default",
                "targets", Map.of("firstResponse", "PT4H"))));
        startClocks(clocks, allDay, SlaPolicy.BUILT_IN_DEFAULT, AroundTheClock.INSTANCE, now);
        startClocks(clocks, office, settings.policy("office-hours").orElseThrow(), settings.businessTime("default"), now);
        sla.get(allDay); // the cursor key and the calendar as a warm function has them
        measure("get a ticket with its sla, around the clock (GET /tickets/{id})", () -> sla.get(allDay));
        measure("get a ticket with its sla, under a calendar (GET /tickets/{id})", () -> sla.get(office));
        measure("breaching soon, one page (GET /tickets?slaDueBefore=)", () -> sla.dueBefore(now.plusSeconds(30 * 24 * 3600).toString(), 25, null));
        assertThat(requests("get a ticket with its sla, around the clock (GET /tickets/{id})")).isEqualTo("1 Query");
        assertThat(requests("get a ticket with its sla, under a calendar (GET /tickets/{id})")).isEqualTo("1 GetItem + 1 Query");
        assertThat(requests("breaching soon, one page (GET /tickets?slaDueBefore=)")).isEqualTo("1 BatchGetItem + " + Keys.SLA_DUE_SHARDS + " Query");
    }

    private static void startClocks(DynamoDbTicketSla clocks, String ticketId, SlaPolicy policy, BusinessTime calendar, Instant at) {
        TicketSla created = TicketSla.create(policy, calendar, Status.NEW, at, "TicketCreated").sla();
        clocks.save(new TicketSlaStore.Write(new TicketSlaStore.Stored(ticketId, 1, 1, at,
                new TicketFacts(Priority.NORMAL, Channel.EMAIL, java.util.Set.of()), TicketSlaWire.toWire(created), List.of()),
                0, created.nextFireAt(), created.nextDueAt(), List.of(), List.of()));
    }

    @Test
    void emailReplyDelivery() {
        String id = emailTicket("mail@example.com");
        Message reply = service.commands().addMessage(id, publicReply("It ships today"), OptionalLong.empty(), ALICE).messages().get(1);
        List<String> sent = new ArrayList<>();
        MailSender ses = mail -> {
            sent.add(mail.messageId());
            return new MailSender.Sent("ses-1", mail.messageId());
        };
        OutboundDelivery sender = new OutboundDelivery(repo, service.deliveries(),
                new EmailReplyTransport(ses, new ReplyAddress(new byte[32], "support@shop.example"), "support@shop.example", "Shop support"), 3);
        SendOutcome outcome = measure("send an email reply (outbound-email)", () -> sender.deliver(id, reply.id()));
        assertThat(outcome).isEqualTo(SendOutcome.SENT);
        assertThat(sent).hasSize(1);
        assertThat(requests("send an email reply (outbound-email)")).isEqualTo("2 GetItem + 3 Query + 1 TransactWriteItems + 1 UpdateItem");
    }

    @Test
    void chatReplyAndItsStatusCallback() {
        InboundMessage first = new InboundMessage("chat:wa1:msg:in-1", List.of(new ThreadKey(ChatKeys.conversation("wa1", "15551234567"),
                "conversation")), Channel.CHAT, Requester.of("r", null, "+15551234567", "Jane", null), "WhatsApp", "hello", null, null,
                Instant.now(), List.of());
        String id = measure("inbound chat message opening a ticket", () -> service.inbound().receive(first)).ticketId();
        InboundMessage second = new InboundMessage("chat:wa1:msg:in-2", first.threadKeys(), Channel.CHAT, first.requester(), "WhatsApp",
                "are you there?", null, null, Instant.now(), List.of());
        measure("inbound chat message threaded onto its ticket", () -> service.inbound().receive(second));
        Message reply = service.commands().addMessage(id, publicReply("Yes, how can I help?"), OptionalLong.empty(), ALICE).messages().get(2);

        ChannelService channels = new ChannelService(new DynamoDbChannelRepository(client, "counts"), new NoSecrets(), "/test", Clock.systemUTC());
        OutboundDelivery sender = new OutboundDelivery(repo, service.deliveries(), new ChatReplyTransport(channels, (ch, r) -> "wamid.out-1"), 3);
        measure("send a chat reply (outbound-chat)", () -> sender.deliver(id, reply.id()));
        InboundMessage delivered = new InboundMessage("chat:wa1:status:wamid.out-1:delivered",
                List.of(new ThreadKey(ChatKeys.providerMessage("wa1", "wamid.out-1"), "status of our message")), Channel.CHAT,
                Requester.of("r", null, "+15551234567", null, null), null, "status delivered", null, List.of(), Instant.now(), List.of(),
                null, null, InboundMessage.Kind.STATUS, new InboundMessage.Bounce("wamid.out-1", "15551234567", "delivered", null));
        measure("chat status callback (delivered)", () -> service.inbound().receive(delivered));
        assertThat(repo.findMessage(id, reply.id()).orElseThrow().delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);

        assertThat(requests("inbound chat message opening a ticket")).isEqualTo("1 BatchGetItem + 1 TransactWriteItems + 1 UpdateItem");
        assertThat(requests("inbound chat message threaded onto its ticket")).isEqualTo("1 BatchGetItem + 1 GetItem + 1 TransactWriteItems");
        assertThat(requests("send a chat reply (outbound-chat)")).isEqualTo("4 GetItem + 2 Query + 1 TransactWriteItems + 1 UpdateItem");
        assertThat(requests("chat status callback (delivered)")).isEqualTo("1 BatchGetItem + 2 GetItem + 2 Query + 1 TransactWriteItems");
    }

    /** Sending a reply reads no channel secret here: the transport is the test's. */
    private static final class NoSecrets implements SecretStore {
        @Override
        public void put(String name, String value) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public Optional<String> get(String name) {
            return Optional.empty();
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException(name);
        }
    }
}
