package com.helpdesk.store;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContextCache;
import com.helpdesk.core.privacy.PersonalDataStore;
import com.helpdesk.core.privacy.RedactionJob;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.ticket.Attachment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure against DynamoDB Local: a ticket written by the real commands, redacted, then every item of the table read. */
class PersonalDataTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("privacy");
    private static DynamoDbClient client;
    private static DynamoDbClient inspector;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        // the test's own eyes: a Scan is fine here, to look at every item of the table
        inspector = DynamoDbClient.builder().endpointOverride(DYNAMO.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }

    /** Long enough to be stored compressed ({@link MessageText}), and naming the customer in it. */
    private static final String LONG_HTML = "<p>Hi, this is Ana Demo (ana.demo@example.com, +4915112345678). Where is #1001?</p>"
            + "<blockquote>On Monday the shop wrote: your order is on its way.</blockquote>".repeat(6);

    @Test
    void aRedactedTicketKeepsNoTraceOfTheCustomerAndAnAuditEntry() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DynamoDbTicketRepository repo = new DynamoDbTicketRepository(client, "privacy");
        TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
        Requester ana = Requester.of("requester", "Ana.Demo@Example.com", "+4915112345678", "Ana Demo", null);
        Actor customer = Actor.customer(ana);
        TicketThread created = desk.commands().create(new NewTicket("Parcel for Ana Demo", ana, Channel.EMAIL, Priority.NORMAL, List.of("wismo"),
                null, null, null, "Hi, this is Ana (ana.demo@example.com, +4915112345678). Where is #1001?", LONG_HTML, Visibility.PUBLIC,
                List.of(new Attachment("att_1", "receipt-ana.pdf", "application/pdf", 1200, null))), customer, null).thread();
        String id = created.ticket().id();
        desk.commands().addMessage(id, new NewMessage("Hi Ana, it ships today.", null, Visibility.PUBLIC, Channel.EMAIL, List.of()),
                OptionalLong.empty(), Actor.agent("alice"));
        DynamoDbOrderContexts contexts = new DynamoDbOrderContexts(client, "privacy");
        contexts.put("demo", "email:ana.demo@example.com", new OrderContextCache.Cached(
                new OrderContext("demo", OrderContext.Status.OK, null, NOW, null, List.of()), NOW.plusSeconds(600)));
        new DynamoDbSenderRate(client, "privacy").countOne("email:ana.demo@example.com", NOW.minusSeconds(7200));
        Requester other = Requester.of("requester", "ben@example.com", null, "Ben", null);
        String bens = desk.commands().create(new NewTicket("Hello", other, Channel.EMAIL, Priority.NORMAL, List.of(), null, null, null, "Ben here",
                null, Visibility.PUBLIC, List.of()), Actor.customer(other), null).thread().ticket().id();
        assertThat(itemsMentioning("ana.demo@example.com")).isNotEmpty();
        assertThat(itemsMentioning("Where is #1001")).as("the customer's long HTML is stored compressed")
                .anySatisfy(item -> assertThat(item.get(MessageText.CONTENT).b()).isNotNull());

        DynamoDbPersonalData data = new DynamoDbPersonalData(client, "privacy");
        assertThat(data.filesOf(id)).as("the files the erasure deletes from the bucket").containsExactly("att_1");
        Set<String> identities = Set.of("ana.demo@example.com", "+4915112345678");
        data.redactTicket(id, identities, "customers/redact", NOW);
        assertThat(data.filesOf(id)).as("the pointers are gone with the redaction").isEmpty();
        data.forgetCustomer("demo", identities, NOW);

        for (String trace : List.of("ana.demo@example.com", "+4915112345678", "Ana Demo", "receipt-ana.pdf", "Where is #1001")) {
            assertThat(itemsMentioning(trace)).as(trace).isEmpty();
        }
        Ticket after = repo.find(id).orElseThrow().ticket();
        assertThat(after.requester().name()).isEqualTo(PersonalDataStore.MARKER);
        assertThat(after.version()).isEqualTo(created.ticket().version() + 2);
        assertThat(repo.find(id).orElseThrow().messages()).allSatisfy(m -> {
            assertThat(m.body()).isEqualTo(PersonalDataStore.MARKER);
            assertThat(m.html()).isIn(null, PersonalDataStore.MARKER);
            assertThat(m.attachments()).isEmpty();
        });
        List<String> actions = new ArrayList<>();
        repo.history(id, 50, null).entries().forEach(h -> actions.add(h.type()));
        assertThat(actions).endsWith("PersonalDataRedacted");
        assertThat(repo.find(bens).orElseThrow().ticket().requester().email()).as("another customer's ticket").isEqualTo("ben@example.com");

        data.redactTicket(id, identities, "customers/redact", NOW.plusSeconds(5));
        List<String> again = new ArrayList<>();
        repo.history(id, 50, null).entries().forEach(h -> again.add(h.type()));
        assertThat(again).as("idempotent: one audit entry").isEqualTo(actions);
    }

    @Test
    void theTicketsThreadKeysAndInboundRecordsGoTooButNotAKeyAnotherTicketClaimedSince() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DynamoDbTicketRepository repo = new DynamoDbTicketRepository(client, "privacy");
        TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
        Requester cleo = Requester.of("requester", "cleo@example.com", "+4917612345678", "Cleo", null);
        String id = desk.commands().create(new NewTicket("Hello", cleo, Channel.EMAIL, Priority.NORMAL, List.of(), null, null, null, "Cleo here",
                null, Visibility.PUBLIC, List.of()), Actor.customer(cleo), null).thread().ticket().id();
        String conversation = "chat:whatsapp-eu:conv:4917612345678";
        client.putItem(b -> b.tableName("privacy").item(DynamoDbTicketRepository.threadKeyItem(conversation, id)));
        client.putItem(b -> b.tableName("privacy").item(DynamoDbTicketRepository.threadKeyItem("email:flood:cleo@example.com:2026-12-01T09", id)));
        client.putItem(b -> b.tableName("privacy").item(DynamoDbTicketRepository.threadKeyItem("email:msgid:other@mail.example.com", "tkt_other")));
        // written before thread keys carried the ticket's index entry: found from the message's external id
        client.putItem(b -> b.tableName("privacy").item(Map.of("PK", ItemMapper.s(Keys.ticketPk(id)),
                "SK", ItemMapper.s(Keys.messageSk(NOW, "msg_legacy")), "type", ItemMapper.s("Message"), "id", ItemMapper.s("msg_legacy"),
                "ticketId", ItemMapper.s(id), "body", ItemMapper.s("Cleo again"), "externalId", ItemMapper.s("legacy-1@mail.example.com"))));
        client.putItem(b -> b.tableName("privacy").item(Map.of("PK", ItemMapper.s(Keys.threadKeyPk("email:msgid:legacy-1@mail.example.com")),
                "SK", ItemMapper.s(Keys.THREADKEY_SK), "type", ItemMapper.s("ThreadKey"), "ticketId", ItemMapper.s(id))));
        assertThat(itemsMentioning("4917612345678")).isNotEmpty();

        new DynamoDbPersonalData(client, "privacy").redactTicket(id, Set.of("cleo@example.com", "+4917612345678"), "customers/redact", NOW);

        assertThat(repo.ticketForThreadKey(conversation)).isEmpty();
        assertThat(repo.ticketForThreadKey("email:flood:cleo@example.com:2026-12-01T09")).isEmpty();
        assertThat(repo.ticketForThreadKey("email:msgid:legacy-1@mail.example.com")).isEmpty();
        assertThat(repo.ticketForThreadKey("email:msgid:other@mail.example.com")).as("another ticket's key").contains("tkt_other");
        for (String trace : List.of("4917612345678", "cleo@example.com", "legacy-1@mail.example.com")) {
            assertThat(itemsMentioning(trace)).as(trace).isEmpty();
        }
    }

    @Test
    void aJobRoundTrips() {
        DynamoDbPersonalData data = new DynamoDbPersonalData(client, "privacy");
        RedactionJob job = new RedactionJob("customer#demo#abc", "demo", "customers/redact", List.of("t1", "t2"), 0, NOW, null);
        data.saveJob(job);
        assertThat(data.findJob("customer#demo#abc")).contains(job);
        data.saveJob(job.next(NOW).next(NOW));
        assertThat(data.findJob("customer#demo#abc").orElseThrow().finishedAt()).isEqualTo(NOW);
    }

    @Test
    void anExportIsRecordedOnceWithItsEventInTheOutbox() throws Exception {
        DynamoDbExportLedger ledger = new DynamoDbExportLedger(client, "privacy");
        var exported = new com.helpdesk.core.privacy.CustomerDataExported("evt_x1", "export#demo#e-1", "demo", "7001", 2,
                "exports/demo/abc.json", java.net.URI.create("https://files.example/exports/demo/abc.json?X-Amz-Signature=1"),
                NOW.plusSeconds(43_200), NOW);
        assertThat(ledger.exported("export#demo#e-1")).isFalse();
        assertThat(ledger.record(exported)).isTrue();
        assertThat(ledger.exported("export#demo#e-1")).isTrue();
        assertThat(ledger.record(new com.helpdesk.core.privacy.CustomerDataExported("evt_x2", "export#demo#e-1", "demo", "7001", 2,
                "exports/demo/abc.json", exported.link(), NOW.plusSeconds(43_200), NOW.plusSeconds(5)))).as("a redelivery").isFalse();

        List<Map<String, AttributeValue>> events = itemsMentioning("CustomerDataExported");
        assertThat(events).as("one outbox event, not two").hasSize(1);
        Map<String, AttributeValue> event = events.get(0);
        assertThat(event.get("type").s()).isEqualTo("OutboxEvent");
        assertThat(event.get("GSI1PK").s()).startsWith("OUTBOX#2026-12-01#");
        var detail = com.helpdesk.runtime.Json.mapper().readTree(event.get("detail").s());
        assertThat(detail.path("eventId").asText()).isEqualTo("evt_x1");
        assertThat(detail.path("ticketId").isNull()).isTrue();
        assertThat(detail.path("data").path("link").asText()).isEqualTo(exported.link().toString());
        assertThat(detail.path("data").path("linkExpiresAt").asText()).isEqualTo("2026-12-01T22:00:00.000Z");
    }

    /** The item as text, its compressed texts (long bodies) uncompressed: a trace must not hide in gzip. */
    private static String readable(Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder(item.toString());
        item.forEach((name, v) -> {
            if (v.b() != null) text.append(' ').append(MessageText.get(item));
        });
        return text.toString();
    }

    private List<Map<String, AttributeValue>> itemsMentioning(String text) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        inspector.scanPaginator(b -> b.tableName("privacy")).items().forEach(item -> {
            if (readable(item).toLowerCase().contains(text.toLowerCase())) out.add(item);
        });
        return out;
    }
}
