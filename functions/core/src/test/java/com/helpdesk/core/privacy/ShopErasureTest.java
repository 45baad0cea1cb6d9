package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** shop/redact: every ticket of the store in slices with a checkpoint, then the store's other data; repeatable. */
class ShopErasureTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store EU = new Store("eu", "EU", "eu.myshopify.com", List.of("support@eu.example"), List.of(), "EU-", "", false);

    /** The store's ticket index: a ticket leaves it when its order context is deleted by the redaction, as in the table. */
    private final TreeMap<String, Ticket> storeIndex = new TreeMap<>();
    private final Map<String, Ticket> all = new HashMap<>();
    private final Map<String, ShopErasureJob> jobs = new HashMap<>();
    private final List<String> redacted = new ArrayList<>();
    private final Map<String, Set<String>> identitiesRedacted = new HashMap<>();
    private final List<String> forgottenCustomers = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final Map<String, String> secrets = new HashMap<>(Map.of("/helpdesk/t/stores/eu/adminApiToken", "shpat_x",
            "/helpdesk/t/stores/eu/webhookSecret", "s", "/helpdesk/t/stores/main/adminApiToken", "shpat_main"));
    private final Map<String, Store> stores = new HashMap<>(Map.of("eu", EU));
    private String crashOn;
    private int ticketQueries;

    private ShopErasure erasure(int perSlice) {
        return new ShopErasure(tickets(), new Data(), new Personal(), keys -> events.add("files " + keys),
                new StoreService(new Stores(), new Secrets(), "/helpdesk/t"), Clock.fixed(NOW, ZoneOffset.UTC), perSlice);
    }

    @Test
    void everyTicketOfTheStoreInSlicesThenTheStoresCachesExportsSecretsAndConfiguration() {
        for (int i = 1; i <= 5; i++) ticket("T" + i, new Requester("c" + i + "@example.com", null, "C" + i, null));
        ShopErasure erasure = erasure(2);

        ShopErasureJob first = erasure.eraseSlice(webhook());
        assertThat(first.finishedAt()).as("more to do: the caller continues").isNull();
        assertThat(first.done()).isEqualTo(2);
        assertThat(first.checkpoint()).isEqualTo("T2");
        assertThat(stores).as("the configuration goes first, so no lookup adds to the store").isEmpty();
        assertThat(secrets).containsOnlyKeys("/helpdesk/t/stores/main/adminApiToken");

        ShopErasureJob second = erasure.eraseSlice(webhook());
        ShopErasureJob third = erasure.eraseSlice(webhook());
        assertThat(second.finishedAt()).isNull();
        assertThat(third.finishedAt()).isEqualTo(NOW);
        assertThat(third.done()).isEqualTo(5);
        assertThat(redacted).containsExactly("T1", "T2", "T3", "T4", "T5");
        assertThat(identitiesRedacted.get("T3")).containsExactly("c3@example.com");
        assertThat(forgottenCustomers).contains("eu:[c1@example.com]", "eu:[c5@example.com]");
        assertThat(events).as("each ticket's files before its items").contains("files [inbound/T1]", "files [inbound/T5]");
        assertThat(events).endsWith("files [exports/eu/a1.json]", "store data eu");
        assertThat(third.id()).isEqualTo("shop#eu#evt-shop-1");
        assertThat(third.reason()).isEqualTo("shop/redact");
    }

    @Test
    void theCustomersOnATicketAreTheRequesterByEmailAndPhoneAndTheCcs() {
        all.put("T1", Ticket.builder().id("T1").number(1).subject("S").status(Status.OPEN).priority(Priority.NORMAL).channel(Channel.EMAIL)
                .requester(new Requester("ana@example.com", "+4915112345678", "Ana", null)).ccs(List.of("bob@example.com"))
                .createdAt(NOW).updatedAt(NOW).version(1).build());
        storeIndex.put("T1", all.get("T1"));

        erasure(25).eraseSlice(webhook());

        assertThat(identitiesRedacted.get("T1")).containsExactlyInAnyOrder("ana@example.com", "+4915112345678", "bob@example.com");
    }

    @Test
    void aCrashIsResumedFromTheCheckpointAndADuplicateDeliveryChangesNothing() {
        for (int i = 1; i <= 3; i++) ticket("T" + i, new Requester("c" + i + "@example.com", null, "C" + i, null));
        crashOn = "T2";
        assertThatThrownBy(() -> erasure(25).eraseSlice(webhook())).hasMessage("crash on T2");
        assertThat(jobs.get("shop#eu#evt-shop-1").checkpoint()).isEqualTo("T1");

        crashOn = null;
        ShopErasureJob job = erasure(25).eraseSlice(webhook());
        assertThat(job.finishedAt()).isEqualTo(NOW);
        assertThat(redacted).containsExactly("T1", "T2", "T3");

        int queries = ticketQueries;
        int eventCount = events.size();
        ShopErasureJob again = erasure(25).eraseSlice(webhook());
        assertThat(again).isEqualTo(job);
        assertThat(ticketQueries).as("a finished job is the answer to a redelivery").isEqualTo(queries);
        assertThat(events).hasSize(eventCount);
    }

    @Test
    void aStoreWithoutTicketsStillLosesItsDataAndIsAuditedAsDone() {
        ShopErasureJob job = erasure(25).eraseSlice(webhook());

        assertThat(job.done()).isZero();
        assertThat(job.finishedAt()).isEqualTo(NOW);
        assertThat(stores).isEmpty();
        assertThat(events).containsExactly("files [exports/eu/a1.json]", "store data eu");
    }

    private static OrderWebhook webhook() {
        return new OrderWebhook("eu", "shop/redact", "evt-shop-1", null, null, null, null, List.of());
    }

    private void ticket(String id, Requester requester) {
        Ticket t = Ticket.builder().id(id).number(1).subject("S").status(Status.OPEN).priority(Priority.NORMAL).channel(Channel.EMAIL)
                .requester(requester).createdAt(NOW).updatedAt(NOW).version(1).build();
        all.put(id, t);
        storeIndex.put(id, t);
    }

    private TicketRepository tickets() {
        return (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TicketRepository.class}, (p, m, args) -> {
            if (!m.getName().equals("find")) throw new AssertionError("unexpected call " + m.getName());
            Ticket t = all.get((String) args[0]);
            return t == null ? Optional.empty() : Optional.of(new TicketThread(t, List.of()));
        });
    }

    private final class Data implements StoreData {
        @Override public List<String> ticketsAfter(String storeId, String afterTicketId, int limit) {
            assertThat(storeId).isEqualTo("eu");
            ticketQueries++;
            var rest = afterTicketId == null ? storeIndex : storeIndex.tailMap(afterTicketId, false);
            return rest.keySet().stream().limit(limit).toList();
        }
        @Override public List<String> exportsOf(String storeId) { return List.of("exports/" + storeId + "/a1.json"); }
        @Override public void forgetStore(String storeId) { events.add("store data " + storeId); }
        @Override public Optional<ShopErasureJob> findJob(String jobId) { return Optional.ofNullable(jobs.get(jobId)); }
        @Override public void saveJob(ShopErasureJob job) { jobs.put(job.id(), job); }
    }

    private final class Personal implements PersonalDataStore {
        @Override public Optional<RedactionJob> findJob(String jobId) { throw new AssertionError(); }
        @Override public void saveJob(RedactionJob job) { throw new AssertionError(); }
        @Override public List<String> filesOf(String ticketId) { return List.of("inbound/" + ticketId); }
        @Override public void redactTicket(String ticketId, Set<String> identities, String reason, Instant at) {
            if (ticketId.equals(crashOn)) throw new IllegalStateException("crash on " + ticketId);
            assertThat(reason).isEqualTo("shop/redact");
            redacted.add(ticketId);
            identitiesRedacted.put(ticketId, identities);
            storeIndex.remove(ticketId);
        }
        @Override public void forgetCustomer(String storeId, Set<String> identities, Instant at) {
            forgottenCustomers.add(storeId + ":" + identities);
        }
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(stores.get(id)); }
        @Override public List<Store> list() { return List.copyOf(stores.values()); }
        @Override public void save(Store store) { throw new AssertionError(); }
        @Override public boolean delete(String id) { return stores.remove(id) != null; }
    }

    private final class Secrets implements SecretStore {
        @Override public void put(String name, String value) { throw new AssertionError(); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(secrets.get(name)); }
        @Override public void delete(String name) { secrets.remove(name); }
    }
}
