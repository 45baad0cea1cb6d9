package com.helpdesk.core.orders;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
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

/** An order webhook refreshes the open tickets of that customer in that store, found by the requester index. */
class CustomerOrdersRefreshTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Store MAIN = new Store("main", "Main", "main.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final Store EU = new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), "EU-", "", false);
    private static final Requester ANA = new Requester("ana@example.com", "+4915112345678", "Ana Demo", null);
    private static final Requester BEN = new Requester("ben@example.com", null, "Ben Brown", null);

    private final Map<String, TicketThread> threads = new LinkedHashMap<>();
    private final Map<String, Store> stores = new LinkedHashMap<>(Map.of("main", MAIN, "eu", EU));
    private final List<String> asked = new ArrayList<>();
    private final List<String> evicted = new ArrayList<>();
    private final List<String> listed = new ArrayList<>();
    private final Map<String, OrderContexts.Stored> saved = new HashMap<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private String tracking = "00340434161094042557";
    private OrderDirectoryException failing;
    private final Cache cache = new Cache();
    private final OrderLookup orderLookup = new OrderLookup(new Directory(), cache, Duration.ofMinutes(10), clock);
    private final TicketOrderLookup lookup = new TicketOrderLookup(tickets(), new Stores(),
            new OrderContextRefresh(orderLookup, new Contexts(), p -> p + "_1", clock));
    /** Who placed which order, as the store answers it (order id to buyer). */
    private final Map<String, OrderBuyers.Buyer> buyers = new HashMap<>();
    private final CustomerOrdersRefresh refresh = new CustomerOrdersRefresh(tickets(), cache, lookup, new Stores(), (store, orderId) -> {
        asked.add(store.id() + ":order:" + orderId);
        if (failing != null) throw failing;
        return Optional.ofNullable(buyers.get(orderId));
    });

    @Test
    void refreshesTheOpenTicketsOfThatCustomerInThatStoreOnly() {
        ticket("T1", ANA, Status.OPEN, null);
        ticket("T2", ANA, Status.RESOLVED, null);
        ticket("T3", ANA, Status.NEW, "chat:whatsapp-eu:conv:4915112345678");
        ticket("T4", BEN, Status.OPEN, null);
        ticket("T5", ANA, Status.PENDING, null);

        var result = refresh.refresh(webhook("fulfillments/create", " Ana@Example.COM ", null), false);

        assertThat(result).isEqualTo(new CustomerOrdersRefresh.Result(2, 1, null));
        assertThat(saved).containsOnlyKeys("T1", "T5");
        assertThat(listed).as("the requester index, never a scan").containsExactly("ana@example.com");
        assertThat(evicted).containsExactly("main:email:ana@example.com");
        assertThat(saved.get("T1").context().orders().get(0).fulfillments().get(0).trackingNumber()).isEqualTo(tracking);
    }

    @Test
    void anOrderFoundByItsNumberIsReadAgainWhileTheContextIsStillFresh() {
        ticket("T1", BEN, Status.OPEN, null, "Where is #1001?");
        assertThat(lookup.run("T1", null, false)).isInstanceOf(OrderContextRefresh.Outcome.Updated.class);
        tracking = "1Z999AA10123456784";
        asked.clear();

        refresh.refresh(webhook("fulfillments/update", "ben@example.com", "+14155550123"), false);

        assertThat(asked).contains("main:names:[#1001]");
        assertThat(evicted).containsExactly("main:email:ben@example.com", "main:phone:+14155550123");
        ShopOrder order = saved.get("T1").context().orders().get(0);
        assertThat(order.matchedBy()).contains(MatchedBy.ORDER_NUMBER);
        assertThat(order.fulfillments().get(0).trackingNumber()).isEqualTo("1Z999AA10123456784");
    }

    @Test
    void aFailingShopAsksForARetryAndWritesNothingBeforeTheLastAttempt() {
        ticket("T1", ANA, Status.OPEN, null);
        failing = new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "shopify: main.myshopify.com answered 503");

        assertThat(refresh.refresh(webhook("orders/updated", "ana@example.com", null), false).retryReason())
                .isEqualTo("shopify: main.myshopify.com answered 503");
        assertThat(saved).isEmpty();

        assertThat(refresh.refresh(webhook("orders/updated", "ana@example.com", null), true).retryReason()).isNotNull();
        assertThat(saved.get("T1").context().status()).isEqualTo(OrderContext.Status.UNAVAILABLE);
    }

    @Test
    void everyPageOfTheRequesterIndexIsRead() {
        for (int i = 0; i < CustomerOrdersRefresh.PAGE + 7; i++) ticket("T" + i, ANA, Status.OPEN, null);
        assertThat(refresh.refresh(webhook("orders/create", "ana@example.com", null), false).refreshed()).isEqualTo(CustomerOrdersRefresh.PAGE + 7);
        assertThat(listed).hasSize(2);
    }

    @Test
    void aWebhookThatNamesNobodyTouchesNothing() {
        ticket("T1", ANA, Status.OPEN, null);
        OrderWebhook nobody = new OrderWebhook("main", "refunds/create", "evt-1", null, null, null, null, List.of());
        assertThat(refresh.refresh(nobody, false)).isEqualTo(new CustomerOrdersRefresh.Result(0, 0, null));
        assertThat(listed).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aRefundNamesOnlyItsOrderSoTheStoreIsAskedWhoPlacedItAndTheirOpenTicketsAreRefreshed() {
        ticket("T1", ANA, Status.OPEN, null);
        ticket("T2", BEN, Status.OPEN, null);
        buyers.put("820982911946154508", new OrderBuyers.Buyer("Ana@Example.com", "+4915112345678"));
        OrderWebhook refund = new OrderWebhook("main", "refunds/create", "evt-2", null, null, null, "820982911946154508", List.of());

        assertThat(refresh.refresh(refund, false)).isEqualTo(new CustomerOrdersRefresh.Result(1, 0, null));
        assertThat(asked).startsWith("main:order:820982911946154508");
        assertThat(listed).containsExactly("ana@example.com", "+4915112345678");
        assertThat(evicted).containsExactly("main:email:ana@example.com", "main:phone:+4915112345678");
        assertThat(saved).containsOnlyKeys("T1");
    }

    @Test
    void aRefundOfAnOrderTheStoreDoesNotKnowTouchesNothingAndAFailingStoreIsRetried() {
        ticket("T1", ANA, Status.OPEN, null);
        OrderWebhook refund = new OrderWebhook("main", "refunds/create", "evt-3", null, null, null, "999", List.of());
        assertThat(refresh.refresh(refund, false)).isEqualTo(new CustomerOrdersRefresh.Result(0, 0, null));
        assertThat(listed).isEmpty();

        failing = new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "shopify: main.myshopify.com answered 503");
        assertThat(refresh.refresh(refund, false).retryReason()).isEqualTo("shopify: main.myshopify.com answered 503");
        assertThat(saved).isEmpty();
    }

    private static OrderWebhook webhook(String topic, String email, String phone) {
        return new OrderWebhook("main", topic, "evt-1", "7001", email, phone, "5001", List.of());
    }

    private void ticket(String id, Requester requester, Status status, String conversation, String... bodies) {
        Ticket t = Ticket.builder().id(id).number(1).subject("Question").status(status).priority(Priority.NORMAL)
                .channel(conversation == null ? Channel.EMAIL : Channel.CHAT).requester(requester).createdAt(NOW).updatedAt(NOW).version(1)
                .conversation(conversation).build();
        List<Message> messages = new ArrayList<>();
        for (String body : bodies.length == 0 ? new String[] {"Hello"} : bodies) {
            messages.add(new Message("M" + messages.size(), id, Actor.customer(requester), Visibility.PUBLIC, body, null, Channel.EMAIL, NOW, List.of()));
        }
        threads.put(id, new TicketThread(t, messages));
    }

    /** {@code find} and the requester view of {@code list} (paged by a numeric cursor); any other call fails the test. */
    private TicketRepository tickets() {
        return (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TicketRepository.class}, (p, m, args) -> {
            if (m.getName().equals("find")) return Optional.ofNullable(threads.get((String) args[0]));
            if (m.getName().equals("list")) {
                TicketQuery q = (TicketQuery) args[0];
                assertThat(q.requester()).isNotNull();
                listed.add(q.requester());
                List<Ticket> all = threads.values().stream().map(TicketThread::ticket).filter(t -> t.requester().identities().contains(q.requester())).toList();
                int from = args[2] == null ? 0 : Integer.parseInt((String) args[2]);
                int to = Math.min(all.size(), from + (int) args[1]);
                return new TicketPage(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
            }
            throw new AssertionError("unexpected call " + m.getName());
        });
    }

    private final class Stores implements StoreRepository {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(stores.get(id)); }
        @Override public List<Store> list() { return List.copyOf(stores.values()); }
        @Override public void save(Store store) { stores.put(store.id(), store); }
        @Override public boolean delete(String id) { return stores.remove(id) != null; }
    }

    private ShopOrder order(String name) {
        return new ShopOrder("gid://shopify/Order/5001", name, NOW.minusSeconds(86_400), "PAID", "FULFILLED", null, "20.00", "EUR", List.of(),
                null, List.of(new Fulfillment("SUCCESS", "DHL Express", tracking, null, "IN_TRANSIT", null)), List.of(), List.of());
    }

    private final class Directory implements OrderDirectory {
        @Override public Found byEmail(Store store, String email) throws OrderDirectoryException {
            asked.add(store.id() + ":email:" + email);
            if (failing != null) throw failing;
            return email.equals("ana@example.com") ? new Found(null, List.of(order("#1002"))) : Found.NONE;
        }

        @Override public Found byPhone(Store store, String phone) throws OrderDirectoryException {
            asked.add(store.id() + ":phone:" + phone);
            if (failing != null) throw failing;
            return Found.NONE;
        }

        @Override public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
            asked.add(store.id() + ":names:" + names);
            if (failing != null) throw failing;
            return names.stream().map(CustomerOrdersRefreshTest.this::order).toList();
        }
    }

    /** A cache that would serve its entries for ever: only the webhook's eviction makes the lookup ask again. */
    private final class Cache implements OrderContextCache {
        private final Map<String, Cached> entries = new HashMap<>();
        @Override public Optional<Cached> get(String storeId, String customerKey) { return Optional.ofNullable(entries.get(storeId + ":" + customerKey)); }
        @Override public void put(String storeId, String customerKey, Cached value) { entries.put(storeId + ":" + customerKey, value); }
        @Override public void evict(String storeId, String customerKey) {
            evicted.add(storeId + ":" + customerKey);
            entries.remove(storeId + ":" + customerKey);
        }
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
