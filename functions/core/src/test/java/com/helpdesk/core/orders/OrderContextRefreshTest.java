package com.helpdesk.core.orders;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderContextRefresh.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OrderContextRefreshTest {
    private static final Store STORE = new Store("main", "Main", "demo.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final ShopCustomer ANA = new ShopCustomer("gid://shopify/Customer/1", "Ana Demo", "ana@example.com", null, 1, "89.90", "EUR", List.of());
    private static final ShopOrder O1001 = new ShopOrder("gid://shopify/Order/1", "#1001", Instant.parse("2026-11-20T09:00:00Z"), "PAID",
            "FULFILLED", null, "89.90", "EUR", List.of(), null, List.of(), List.of(), List.of());

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final Directory directory = new Directory();
    private final Contexts contexts = new Contexts();
    private final AtomicInteger ids = new AtomicInteger();
    private final OrderContextRefresh refresh = new OrderContextRefresh(
            new OrderLookup(directory, new NoCache(), Duration.ofMinutes(10), clock), contexts, p -> p + "_" + ids.incrementAndGet(), clock);

    private static OrderContextRefresh.Facts facts(Store store) {
        return new OrderContextRefresh.Facts("T1", 1001, store, "ana@example.com", null, "Where is #1001?", "Hello");
    }

    @Test
    void aLookupIsWrittenWithItsEvent() {
        Outcome outcome = refresh.refresh(facts(STORE), false);
        assertThat(outcome).isInstanceOf(Outcome.Updated.class);
        assertThat(contexts.stored.get("T1").context().orders()).extracting(ShopOrder::name).containsExactly("#1001");
        DomainEvent event = contexts.events.get(0);
        assertThat(event.type()).isEqualTo("OrderContextUpdated");
        assertThat(event.detail()).containsEntry("status", "ok").containsEntry("orders", List.of("#1001"));
        assertThat(event.detail().values()).doesNotContain("ana@example.com");
    }

    @Test
    void aFailureIsRetriedWithoutTouchingTheTicketThenMarkedUnavailableKeepingWhatWasKnown() {
        refresh.refresh(facts(STORE), false);
        directory.failure = new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "shopify: demo.myshopify.com answered 503");

        Outcome retry = refresh.refresh(facts(STORE), false);
        assertThat(retry).isEqualTo(new Outcome.RetryLater("shopify: demo.myshopify.com answered 503"));
        assertThat(contexts.events).hasSize(1);

        Outcome gaveUp = refresh.refresh(facts(STORE), true);
        assertThat(gaveUp).isInstanceOf(Outcome.GaveUp.class);
        OrderContext shown = contexts.stored.get("T1").context();
        assertThat(shown.status()).isEqualTo(OrderContext.Status.UNAVAILABLE);
        assertThat(shown.reason()).isEqualTo("shopify: demo.myshopify.com answered 503");
        assertThat(shown.orders()).extracting(ShopOrder::name).containsExactly("#1001");
        assertThat(contexts.stored.get("T1").version()).isEqualTo(2);
        assertThat(contexts.events.get(1).detail()).containsEntry("status", "unavailable");
    }

    @Test
    void aFirstLookupThatNeverSucceedsShowsUnavailableWithTheReason() {
        directory.failure = new OrderDirectoryException(OrderDirectoryException.Kind.UNAUTHORIZED, "shopify: token refused (401)");
        Outcome gaveUp = refresh.refresh(facts(STORE), true);
        assertThat(gaveUp).isInstanceOf(Outcome.GaveUp.class);
        assertThat(contexts.stored.get("T1").context().status()).isEqualTo(OrderContext.Status.UNAVAILABLE);
        assertThat(contexts.stored.get("T1").context().orders()).isEmpty();
    }

    @Test
    void noStoreMeansNothingToDo() {
        assertThat(refresh.refresh(facts(null), false)).isInstanceOf(Outcome.NoStore.class);
        assertThat(contexts.stored).isEmpty();
    }

    @Test
    void aConcurrentWriteIsRetried() {
        contexts.conflict = true;
        assertThat(refresh.refresh(facts(STORE), false)).isInstanceOf(Outcome.RetryLater.class);
        assertThat(contexts.events).isEmpty();
    }

    private static final class Directory implements OrderDirectory {
        OrderDirectoryException failure;

        @Override public Found byEmail(Store store, String email) throws OrderDirectoryException {
            if (failure != null) throw failure;
            return new Found(ANA, List.of(O1001));
        }

        @Override public Found byPhone(Store store, String phone) throws OrderDirectoryException {
            if (failure != null) throw failure;
            return Found.NONE;
        }

        @Override public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
            if (failure != null) throw failure;
            return names.contains("#1001") ? List.of(O1001) : List.of();
        }
    }

    private static final class NoCache implements OrderContextCache {
        @Override public Optional<Cached> get(String storeId, String customerKey) { return Optional.empty(); }
        @Override public void put(String storeId, String customerKey, Cached value) {}
        @Override public void evict(String storeId, String customerKey) {}
    }

    private static final class Contexts implements OrderContexts {
        final Map<String, Stored> stored = new HashMap<>();
        final List<DomainEvent> events = new ArrayList<>();
        boolean conflict;

        @Override public Optional<Stored> find(String ticketId) {
            return Optional.ofNullable(stored.get(ticketId));
        }

        @Override public void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event) {
            long current = stored.containsKey(ticketId) ? stored.get(ticketId).version() : 0;
            if (conflict || current != expectedVersion) throw new VersionConflictException("changed", current);
            stored.put(ticketId, new Stored(context, expectedVersion + 1));
            events.add(event);
        }
    }
}
