package com.helpdesk.core.orders;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderContextRefresh.Outcome;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TicketOrderLookupTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store MAIN = new Store("main", "Main", "main.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final Store EU = new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), "EU-", "", false);
    private static final Requester ANA = new Requester("ana@example.com", "+4915112345678", "Ana Demo", null);

    private final Map<String, TicketThread> threads = new HashMap<>();
    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final Map<String, OrderContexts.Stored> saved = new HashMap<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TicketOrderLookup lookup = new TicketOrderLookup(tickets(), new Stores(), new OrderContextRefresh(
            new OrderLookup(new Directory(), new NoCache(), Duration.ofMinutes(10), clock), new Contexts(), p -> p + "_1", clock));

    @Test
    void aNewTicketIsLookedUpByItsRequesterAndTheOrdersItsFirstCustomerMessageNames() {
        stores.put("main", MAIN);
        ticket("T1", null, msg("M1", "T1", Actor.customer(ANA), "It is order no. 1002, not #1001"));
        Outcome outcome = lookup.run("T1", null, false);
        assertThat(outcome).isInstanceOf(Outcome.Updated.class);
        assertThat(asked).containsExactly("main:email:ana@example.com", "main:phone:+4915112345678", "main:names:[#1002, #1001]");
        assertThat(saved.get("T1").context().store()).isEqualTo("main");
    }

    @Test
    void aMessageAddedReadsThatMessageOnlyAndIgnoresTheTeamsMessages() {
        stores.put("main", MAIN);
        ticket("T1", null, msg("M1", "T1", Actor.customer(ANA), "Hello"), msg("M2", "T1", Actor.agent("alice"), "Is it #1003?"),
                msg("M3", "T1", Actor.customer(ANA), "Yes, #1004"));
        lookup.run("T1", "M3", false);
        assertThat(asked).contains("main:names:[#1004]").doesNotContain("main:names:[#1003]");
        asked.clear();
        assertThat(lookup.run("T1", "M2", false)).isEqualTo(new Outcome.Skipped("message M2 is not a customer message of ticket T1"));
        assertThat(asked).isEmpty();
    }

    @Test
    void theMessageThatOpenedATicketIsLookedUpOnceWithTicketCreated() {
        stores.put("main", MAIN);
        ticket("T1", null, msg("M1", "T1", Actor.customer(ANA), "Where is #1001?"));
        assertThat(lookup.run("T1", "M1", false)).isEqualTo(new Outcome.Skipped("message M1 opened ticket T1: looked up with TicketCreated"));
        assertThat(asked).isEmpty();

        ticket("T2", null, msg("M1", "T2", Actor.agent("alice"), "Ana called about her parcel"), msg("M2", "T2", Actor.customer(ANA), "It is #1001"));
        lookup.run("T2", "M2", false);
        assertThat(asked).as("a customer's first message on a ticket an agent opened").contains("main:names:[#1001]");
    }

    @Test
    void aChatTicketBelongsToTheStoreOfItsChannel() {
        stores.put("main", MAIN);
        stores.put("eu", EU);
        ticket("T1", "chat:whatsapp-eu:conv:4915112345678", msg("M1", "T1", Actor.customer(ANA), "Wo ist EU-1001?"));
        lookup.run("T1", null, false);
        assertThat(asked).allMatch(a -> a.startsWith("eu:")).contains("eu:names:[EU-1001]");
    }

    @Test
    void anEmailTicketBelongsToTheStoreWhoseSupportAddressItWasSentToElseToTheDefault() {
        Store eu = new Store("eu", "EU", "eu.myshopify.com", List.of("support@eu.example.com"), List.of(), "EU-", "", false);
        stores.put("main", MAIN);
        stores.put("eu", eu);
        Ticket sentToEu = Ticket.builder().id("T1").number(1).subject("Frage").status(Status.NEW).priority(Priority.NORMAL).channel(Channel.EMAIL)
                .requester(ANA).createdAt(NOW).updatedAt(NOW).version(1).recipients(List.of("friend@example.com", "support@eu.example.com")).build();
        threads.put("T1", new TicketThread(sentToEu, List.of(msg("M1", "T1", Actor.customer(ANA), "Wo ist EU-1001?"))));
        lookup.run("T1", null, false);
        assertThat(asked).allMatch(a -> a.startsWith("eu:")).contains("eu:names:[EU-1001]");

        asked.clear();
        ticket("T2", null, msg("M1", "T2", Actor.customer(ANA), "Where is #1001?"));
        lookup.run("T2", null, false);
        assertThat(asked).as("no store's address: the default store").allMatch(a -> a.startsWith("main:")).contains("main:names:[#1001]");
    }

    @Test
    void withoutAStoreOrATicketNothingIsAskedNorWritten() {
        ticket("T1", null, msg("M1", "T1", Actor.customer(ANA), "#1001"));
        assertThat(lookup.run("T1", null, false)).isInstanceOf(Outcome.NoStore.class);
        assertThat(lookup.run("T9", null, false)).isEqualTo(new Outcome.Skipped("no ticket T9"));
        assertThat(asked).isEmpty();
        assertThat(saved).isEmpty();
    }

    private static Message msg(String id, String ticketId, Actor author, String body) {
        return new Message(id, ticketId, author, Visibility.PUBLIC, body, null, Channel.EMAIL, NOW, List.of());
    }

    private void ticket(String id, String conversation, Message... messages) {
        Ticket t = Ticket.builder().id(id).number(1).subject("Question").status(Status.NEW).priority(Priority.NORMAL)
                .channel(conversation == null ? Channel.EMAIL : Channel.CHAT).requester(ANA).createdAt(NOW).updatedAt(NOW).version(1)
                .conversation(conversation).build();
        threads.put(id, new TicketThread(t, List.of(messages)));
    }

    /** Only {@code find} is used: any other call fails the test. */
    private TicketRepository tickets() {
        return (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TicketRepository.class}, (p, m, args) -> {
            if (m.getName().equals("find")) return Optional.ofNullable(threads.get((String) args[0]));
            throw new AssertionError("unexpected call " + m.getName());
        });
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(stores.get(id)); }
        @Override public List<Store> list() { return List.copyOf(stores.values()); }
        @Override public void save(Store store) { stores.put(store.id(), store); }
        @Override public boolean delete(String id) { return stores.remove(id) != null; }
    }

    private final class Directory implements OrderDirectory {
        @Override public Found byEmail(Store store, String email) {
            asked.add(store.id() + ":email:" + email);
            return Found.NONE;
        }

        @Override public Found byPhone(Store store, String phone) {
            asked.add(store.id() + ":phone:" + phone);
            return Found.NONE;
        }

        @Override public List<ShopOrder> byOrderNames(Store store, Set<String> names) {
            asked.add(store.id() + ":names:" + names);
            return List.of();
        }
    }

    private static final class NoCache implements OrderContextCache {
        @Override public Optional<Cached> get(String storeId, String customerKey) { return Optional.empty(); }
        @Override public void put(String storeId, String customerKey, Cached value) {}
        @Override public void evict(String storeId, String customerKey) {}
    }

    private final class Contexts implements OrderContexts {
        @Override public Optional<Stored> find(String ticketId) { return Optional.ofNullable(saved.get(ticketId)); }

        @Override public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
            long current = saved.containsKey(ticketId) ? saved.get(ticketId).version() : 0;
            if (current != expectedVersion) throw new VersionConflictException("changed", current);
            saved.put(ticketId, new Stored(context, expectedVersion + 1));
        }
    }
}
