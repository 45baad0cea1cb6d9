package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** customers/redact: every ticket of the customer in that store, resumable after a crash, idempotent. */
class CustomerRedactionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store MAIN = new Store("main", "Main", "main.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final Store EU = new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), "EU-", "", false);
    private static final Requester ANA = new Requester("ana@example.com", "+4915112345678", "Ana Demo", null);

    /** What the requester index answers: it forgets a ticket once that ticket is redacted, as the table does. */
    private final Map<String, Ticket> indexed = new LinkedHashMap<>();
    private final Map<String, RedactionJob> jobs = new HashMap<>();
    private final List<String> redacted = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();
    /** The objects of the bucket, by ticket: what the table's pointers name until the ticket is redacted. */
    private final Map<String, List<String>> files = new HashMap<>();
    private final List<String> objects = new ArrayList<>();
    private String crashOn;
    private final CustomerRedaction redaction = new CustomerRedaction(tickets(), new Stores(), new Data(), objects::removeAll,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyTicketOfTheCustomerInThatStoreWhateverItsStatus() {
        ticket("T1", Status.OPEN, null);
        ticket("T2", Status.CLOSED, null);
        ticket("T3", Status.NEW, "chat:whatsapp-eu:conv:4915112345678");

        RedactionJob job = redaction.redact(webhook());

        assertThat(redacted).containsExactly("T1", "T2");
        assertThat(job.done()).isEqualTo(2);
        assertThat(job.finishedAt()).isEqualTo(NOW);
        assertThat(job.id()).doesNotContain("ana@example.com").startsWith("customer#main#");
        assertThat(forgotten).containsExactly("main:[+4915112345678, ana@example.com]");
    }

    @Test
    void theFilesOfTheTicketsGoWithThemEvenWhenTheRedactionCrashedAfterDeletingThem() {
        ticket("T1", Status.OPEN, null);
        ticket("T2", Status.CLOSED, null);
        ticket("T3", Status.NEW, "chat:whatsapp-eu:conv:4915112345678");
        file("T1", "attachments/in/1/receipt.pdf");
        file("T1", "inbound/raw-1");
        file("T2", "inbound/raw-2");
        file("T3", "attachments/in/3/photo.jpg");
        crashOn = "T2";
        assertThatThrownBy(() -> redaction.redact(webhook())).hasMessage("crash on T2");
        assertThat(objects).as("T2's files went before its items failed").containsExactly("attachments/in/3/photo.jpg");

        crashOn = null;
        redaction.redact(webhook());
        assertThat(objects).as("another store's ticket keeps its files").containsExactly("attachments/in/3/photo.jpg");
    }

    private void file(String ticketId, String key) {
        files.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(key);
        objects.add(key);
    }

    @Test
    void aCrashMidWayIsFinishedByTheRetryThoughTheIndexNoLongerFindsTheTicketsDone() {
        ticket("T1", Status.OPEN, null);
        ticket("T2", Status.RESOLVED, null);
        ticket("T3", Status.PENDING, null);
        crashOn = "T2";
        assertThatThrownBy(() -> redaction.redact(webhook())).hasMessage("crash on T2");
        assertThat(redacted).containsExactly("T1");
        assertThat(indexed).doesNotContainKey("T1");

        crashOn = null;
        RedactionJob job = redaction.redact(webhook());
        assertThat(redacted).containsExactly("T1", "T2", "T3");
        assertThat(job.done()).isEqualTo(3);
        assertThat(job.pending()).isEmpty();

        redaction.redact(webhook());
        assertThat(redacted).as("a redelivery after the job finished finds nothing left").containsExactly("T1", "T2", "T3");
    }

    private static OrderWebhook webhook() {
        return new OrderWebhook("main", "customers/redact", "evt-9", "7001", "Ana@Example.com", "+4915112345678", null, List.of("5001"));
    }

    private void ticket(String id, Status status, String conversation) {
        indexed.put(id, Ticket.builder().id(id).number(1).subject("S").status(status).priority(Priority.NORMAL)
                .channel(conversation == null ? Channel.EMAIL : Channel.CHAT).requester(ANA).createdAt(NOW).updatedAt(NOW).version(1)
                .conversation(conversation).build());
    }

    private TicketRepository tickets() {
        return (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TicketRepository.class}, (p, m, args) -> {
            if (!m.getName().equals("list")) throw new AssertionError("unexpected call " + m.getName());
            TicketQuery q = (TicketQuery) args[0];
            return new TicketPage(indexed.values().stream().filter(t -> t.requester().identities().contains(q.requester())).toList(), null);
        });
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(Map.of("main", MAIN, "eu", EU).get(id)); }
        @Override public List<Store> list() { return List.of(MAIN, EU); }
        @Override public void save(Store store) { throw new AssertionError(); }
        @Override public boolean delete(String id) { throw new AssertionError(); }
    }

    private final class Data implements PersonalDataStore {
        @Override public Optional<RedactionJob> findJob(String jobId) { return Optional.ofNullable(jobs.get(jobId)); }
        @Override public void saveJob(RedactionJob job) { jobs.put(job.id(), job); }
        @Override public List<String> filesOf(String ticketId) { return files.getOrDefault(ticketId, List.of()); }
        @Override public void redactTicket(String ticketId, Set<String> identities, String reason, Instant at) {
            if (ticketId.equals(crashOn)) throw new IllegalStateException("crash on " + ticketId);
            assertThat(identities).containsExactlyInAnyOrder("ana@example.com", "+4915112345678");
            if (!redacted.contains(ticketId)) redacted.add(ticketId);
            indexed.remove(ticketId);
            files.remove(ticketId);
        }
        @Override public void forgetCustomer(String storeId, Set<String> identities, Instant at) { forgotten.add(storeId + ":" + identities); }
    }
}
