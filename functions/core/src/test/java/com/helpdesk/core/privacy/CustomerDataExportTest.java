package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Csat;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** customers/data_request: the customer's tickets of that store in one document, a link that expires, one event per request. */
class CustomerDataExportTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store MAIN = new Store("main", "Main", "main.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final Store EU = new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), "EU-", "", false);
    private static final Requester ANA = new Requester("ana@example.com", "+4915112345678", "Ana Demo", null);

    private final Map<String, TicketThread> threads = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> objects = new HashMap<>();
    private final Map<String, CustomerDataExported> recorded = new HashMap<>();
    private final List<String> links = new ArrayList<>();
    private final CustomerDataExport export = new CustomerDataExport(tickets(), new Stores(), contexts(), new Files(), new Ledger(),
            prefix -> prefix + "_1", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(12));

    @Test
    void theDocumentHoldsTheCustomersTicketsOfThatStoreWithMessagesNotesCsatAndOrderContext() {
        thread("T1", Status.RESOLVED, null);
        thread("T2", Status.OPEN, "chat:whatsapp-eu:conv:4915112345678");

        CustomerDataExported event = export.export(webhook("evt-1")).orElseThrow();

        assertThat(event.store()).isEqualTo("main");
        assertThat(event.tickets()).isEqualTo(1);
        assertThat(event.shopifyCustomerId()).isEqualTo("7001");
        assertThat(event.linkExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(event.link()).hasToString("https://files.example/" + event.objectKey() + "?valid=PT12H");
        assertThat(event.objectKey()).startsWith("exports/main/").endsWith(".json").doesNotContain("ana");
        assertThat(event.toString()).as("the event names nobody by email or phone").doesNotContain("ana@example.com").doesNotContain("+4915112345678");

        Map<String, Object> doc = objects.get(event.objectKey());
        assertThat(doc).containsEntry("store", "main").containsEntry("format", "helpdesk-customer-export/1");
        List<?> exported = (List<?>) doc.get("tickets");
        assertThat(exported).hasSize(1);
        Map<?, ?> ticket = (Map<?, ?>) exported.get(0);
        assertThat(ticket.get("id")).isEqualTo("T1");
        assertThat(((Map<?, ?>) ticket.get("requester")).get("email")).isEqualTo("ana@example.com");
        List<?> messages = (List<?>) ticket.get("messages");
        assertThat(messages.stream().map(m -> (Object) ((Map<?, ?>) m).get("body")).toList())
                .containsExactly("Where is my parcel?", "It ships today.", "Customer sounded upset");
        assertThat(messages.stream().map(m -> (Object) ((Map<?, ?>) m).get("from")).toList()).as("staff by role only")
                .containsExactly("customer", "agent", "agent");
        assertThat(messages.toString()).doesNotContain("alice");
        Map<?, ?> file = (Map<?, ?>) ((List<?>) ((Map<?, ?>) messages.get(0)).get("attachments")).get(0);
        assertThat(file.get("filename")).isEqualTo("photo.jpg");
        assertThat(file.get("file")).isEqualTo("attachments/in/T1/1");
        assertThat(((Map<?, ?>) ticket.get("csat")).get("rating")).isEqualTo(2);
        assertThat(((OrderContext) ticket.get("orderContext")).store()).isEqualTo("main");
    }

    @Test
    void aRedeliveredRequestIsAnsweredOnceAndACrashBeforeTheRecordWritesTheSameObjectAgain() {
        thread("T1", Status.OPEN, null);
        ledgerFails = true;
        assertThatThrownBy(() -> export.export(webhook("evt-2"))).hasMessage("table unavailable");
        assertThat(objects).hasSize(1);

        ledgerFails = false;
        CustomerDataExported event = export.export(webhook("evt-2")).orElseThrow();
        assertThat(objects).as("the same key, overwritten").hasSize(1).containsKey(event.objectKey());

        assertThat(export.export(webhook("evt-2"))).as("a redelivery").isEmpty();
        assertThat(recorded).hasSize(1);
        assertThat(links).hasSize(2);

        assertThat(export.export(webhook("evt-3"))).as("a new request of the same customer is a new export").isPresent();
        assertThat(objects).hasSize(2);
    }

    @Test
    void aCustomerWithoutTicketsGetsAnEmptyExportAndALinkNeverOutlivesSevenDays() {
        CustomerDataExported event = export.export(webhook("evt-4")).orElseThrow();
        assertThat(event.tickets()).isZero();
        assertThat((List<?>) objects.get(event.objectKey()).get("tickets")).isEmpty();
        assertThatThrownBy(() -> new CustomerDataExport(tickets(), new Stores(), contexts(), new Files(), new Ledger(), p -> p,
                Clock.systemUTC(), Duration.ofDays(8))).hasMessageContaining("at most 7 days");
    }

    private boolean ledgerFails;

    private static OrderWebhook webhook(String eventId) {
        return new OrderWebhook("main", "customers/data_request", eventId, "7001", "Ana@Example.com", "+4915112345678", null, List.of("5001"));
    }

    private void thread(String id, Status status, String conversation) {
        Ticket t = Ticket.builder().id(id).number(1001).subject("Parcel").status(status).priority(Priority.NORMAL)
                .channel(conversation == null ? Channel.EMAIL : Channel.CHAT).requester(ANA).createdAt(NOW).updatedAt(NOW).version(3)
                .conversation(conversation).csat(new Csat(2, "slow", NOW, Actor.agent("alice"), NOW)).build();
        List<Message> messages = List.of(
                new Message("M1", id, Actor.customer(ANA), Visibility.PUBLIC, "Where is my parcel?", null, Channel.EMAIL, NOW,
                        List.of(new Attachment("attachments/in/" + id + "/1", "photo.jpg", "image/jpeg", 2048, null))),
                new Message("M2", id, Actor.agent("alice"), Visibility.PUBLIC, "It ships today.", null, Channel.EMAIL, NOW, List.of()),
                new Message("M3", id, Actor.agent("alice"), Visibility.INTERNAL, "Customer sounded upset", null, Channel.EMAIL, NOW, List.of()));
        threads.put(id, new TicketThread(t, messages));
    }

    private TicketRepository tickets() {
        return (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TicketRepository.class}, (p, m, args) -> {
            if (m.getName().equals("find")) return Optional.ofNullable(threads.get((String) args[0]));
            if (!m.getName().equals("list")) throw new AssertionError("unexpected call " + m.getName());
            TicketQuery q = (TicketQuery) args[0];
            return new TicketPage(threads.values().stream().map(TicketThread::ticket).filter(t -> t.requester().identities().contains(q.requester())).toList(), null);
        });
    }

    private OrderContexts contexts() {
        return new OrderContexts() {
            @Override public Optional<Stored> find(String ticketId) {
                return Optional.of(new Stored(new OrderContext("main", OrderContext.Status.OK, null, NOW, null, List.of()), 1));
            }
            @Override public void save(String ticketId, OrderContext context, long expectedVersion, com.helpdesk.core.event.DomainEvent event) {
                throw new AssertionError("an export writes no context");
            }
        };
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(Map.of("main", MAIN, "eu", EU).get(id)); }
        @Override public List<Store> list() { return List.of(MAIN, EU); }
        @Override public void save(Store store) { throw new AssertionError(); }
        @Override public boolean delete(String id) { throw new AssertionError(); }
    }

    private final class Files implements ExportFiles {
        @Override public void put(String key, Map<String, Object> document) { objects.put(key, document); }
        @Override public URI link(String key, Duration validFor) {
            links.add(key);
            return URI.create("https://files.example/" + key + "?valid=" + validFor);
        }
    }

    private final class Ledger implements ExportLedger {
        @Override public boolean exported(String exportId) { return recorded.containsKey(exportId); }
        @Override public boolean record(CustomerDataExported exported) {
            if (ledgerFails) throw new IllegalStateException("table unavailable");
            return recorded.putIfAbsent(exported.exportId(), exported) == null;
        }
    }
}
