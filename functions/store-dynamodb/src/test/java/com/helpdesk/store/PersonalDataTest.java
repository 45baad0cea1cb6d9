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
import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static DynamoDbClient inspector;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = NoScanClient.against(dynamo);
        client.createTable(TableSchema.createTableRequest("privacy"));
        // the test's own eyes: a Scan is fine here, to look at every item of the table
        inspector = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        inspector.close();
        dynamo.close();
    }

    @Test
    void aRedactedTicketKeepsNoTraceOfTheCustomerAndAnAuditEntry() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DynamoDbTicketRepository repo = new DynamoDbTicketRepository(client, "privacy");
        TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
        Requester ana = Requester.of("requester", "Ana.Demo@Example.com", "+4915112345678", "Ana Demo", null);
        Actor customer = Actor.customer(ana);
        TicketThread created = desk.commands().create(new NewTicket("Parcel for Ana Demo", ana, Channel.EMAIL, Priority.NORMAL, List.of("wismo"),
                null, null, null, "Hi, this is Ana (ana.demo@example.com, +4915112345678). Where is #1001?", "<p>Ana</p>", Visibility.PUBLIC,
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

        DynamoDbPersonalData data = new DynamoDbPersonalData(client, "privacy");
        Set<String> identities = Set.of("ana.demo@example.com", "+4915112345678");
        data.redactTicket(id, identities, "customers/redact", NOW);
        data.forgetCustomer("demo", identities, NOW);

        for (String trace : List.of("ana.demo@example.com", "+4915112345678", "Ana Demo", "receipt-ana.pdf", "Where is #1001")) {
            assertThat(itemsMentioning(trace)).as(trace).isEmpty();
        }
        Ticket after = repo.find(id).orElseThrow().ticket();
        assertThat(after.requester().name()).isEqualTo(PersonalDataStore.MARKER);
        assertThat(after.version()).isEqualTo(created.ticket().version() + 2);
        assertThat(repo.find(id).orElseThrow().messages()).allSatisfy(m -> {
            assertThat(m.body()).isEqualTo(PersonalDataStore.MARKER);
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
    void aJobRoundTrips() {
        DynamoDbPersonalData data = new DynamoDbPersonalData(client, "privacy");
        RedactionJob job = new RedactionJob("customer#demo#abc", "demo", "customers/redact", List.of("t1", "t2"), 0, NOW, null);
        data.saveJob(job);
        assertThat(data.findJob("customer#demo#abc")).contains(job);
        data.saveJob(job.next(NOW).next(NOW));
        assertThat(data.findJob("customer#demo#abc").orElseThrow().finishedAt()).isEqualTo(NOW);
    }

    private List<Map<String, AttributeValue>> itemsMentioning(String text) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        inspector.scanPaginator(b -> b.tableName("privacy")).items().forEach(item -> {
            if (item.toString().toLowerCase().contains(text.toLowerCase())) out.add(item);
        });
        return out;
    }
}
