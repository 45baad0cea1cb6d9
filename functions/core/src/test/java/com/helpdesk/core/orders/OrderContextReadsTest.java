package com.helpdesk.core.orders;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OrderContextReadsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Map<String, OrderContexts.Stored> stored = new HashMap<>();
    private final List<Store> stores = new ArrayList<>();
    private final OrderContextReads reads = new OrderContextReads(new OrderContexts() {
        @Override public Optional<Stored> find(String ticketId) { return Optional.ofNullable(stored.get(ticketId)); }
        @Override public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
            throw new AssertionError("reads never write");
        }
    }, new StoreRepository() {
        @Override public Optional<Store> find(String id) { return stores.stream().filter(s -> s.id().equals(id)).findFirst(); }
        @Override public List<Store> list() { return List.copyOf(stores); }
        @Override public void save(Store store) { throw new AssertionError("reads never write"); }
        @Override public boolean delete(String id) { throw new AssertionError("reads never write"); }
    });

    private static Ticket ticket(String conversation) {
        return Ticket.builder().id("T1").number(1).subject("S").status(Status.NEW).priority(Priority.NORMAL).channel(Channel.CHAT)
                .requester(new Requester("ana@example.com", null, null, null)).createdAt(NOW).updatedAt(NOW).version(1)
                .conversation(conversation).build();
    }

    @Test
    void noStoreMeansNoOrderContext() {
        assertThat(reads.forTicket(ticket(null))).isEmpty();
    }

    @Test
    void aTicketOfAStoreIsPendingUntilItsLookupWrites() {
        stores.add(new Store("main", "Main", "main.myshopify.com", List.of(), List.of(), null, null, true));
        stores.add(new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), null, null, false));
        OrderContext pending = reads.forTicket(ticket("chat:whatsapp-eu:conv:1")).orElseThrow();
        assertThat(pending.status()).isEqualTo(OrderContext.Status.PENDING);
        assertThat(pending.store()).isEqualTo("eu");
        assertThat(reads.forTicket(ticket(null)).orElseThrow().store()).isEqualTo("main");

        OrderContext written = new OrderContext("main", OrderContext.Status.UNAVAILABLE, "shopify: down", NOW, null, List.of());
        stored.put("T1", new OrderContexts.Stored(written, 1));
        assertThat(reads.forTicket(ticket(null))).contains(written);
    }
}
