package com.helpdesk.core.orders;

import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLookupTest {
    private static final Store STORE = new Store("main", "Main", "demo.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final ShopCustomer ANA = new ShopCustomer("gid://shopify/Customer/1", "Ana Demo", "ana@example.com",
            "+4915112345678", 3, "250.00", "EUR", List.of("vip"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final FakeDirectory directory = new FakeDirectory();
    private final MapCache cache = new MapCache();
    private final OrderLookup lookup = new OrderLookup(directory, cache, Duration.ofMinutes(10), clock);

    @Test
    void mergesEmailPhoneAndOrderNumberMatchesNewestFirst() throws Exception {
        directory.byEmail.put("ana@example.com", new OrderDirectory.Found(ANA, List.of(order("#1002", "2026-11-20"), order("#1001", "2026-11-10"))));
        directory.byPhone.put("+4915112345678", new OrderDirectory.Found(ANA, List.of(order("#1001", "2026-11-10"))));
        directory.byName.put("#1050", order("#1050", "2026-11-25"));

        OrderContext ctx = lookup.lookup(request("Where is #1001 and #1050?"), Optional.empty());

        assertThat(ctx.status()).isEqualTo(OrderContext.Status.OK);
        assertThat(ctx.customer()).isEqualTo(ANA);
        assertThat(ctx.orders()).extracting(ShopOrder::name).containsExactly("#1050", "#1002", "#1001");
        assertThat(ctx.orders().get(0).matchedBy()).containsExactly(MatchedBy.ORDER_NUMBER);
        assertThat(ctx.orders().get(1).matchedBy()).containsExactly(MatchedBy.EMAIL);
        assertThat(ctx.orders().get(2).matchedBy()).containsExactly(MatchedBy.EMAIL, MatchedBy.PHONE, MatchedBy.ORDER_NUMBER);
        assertThat(directory.nameQueries).containsExactly(Set.of("#1050"));
    }

    @Test
    void keepsAtMostTenOrders() throws Exception {
        List<ShopOrder> many = new ArrayList<>();
        for (int i = 1; i <= 14; i++) many.add(order("#" + (1000 + i), "2026-11-%02d".formatted(i)));
        directory.byEmail.put("ana@example.com", new OrderDirectory.Found(ANA, many));

        OrderContext ctx = lookup.lookup(request("hello"), Optional.empty());

        assertThat(ctx.orders()).hasSize(10);
        assertThat(ctx.orders().get(0).name()).isEqualTo("#1014");
        assertThat(ctx.orders().get(9).name()).isEqualTo("#1005");
    }

    @Test
    void aChattyCustomerIsAskedForOnceUntilTheCacheExpires() throws Exception {
        directory.byEmail.put("ana@example.com", new OrderDirectory.Found(ANA, List.of(order("#1001", "2026-11-10"))));
        lookup.lookup(request("hi"), Optional.empty());
        clock.advance(Duration.ofMinutes(9));
        lookup.lookup(request("any news?"), Optional.empty());
        assertThat(directory.customerQueries).isEqualTo(2); // email and phone, once

        clock.advance(Duration.ofMinutes(2));
        lookup.lookup(request("hello?"), Optional.empty());
        assertThat(directory.customerQueries).isEqualTo(4);
    }

    @Test
    void ordersNamedEarlierStayWhileFreshAndAreFetchedAgainLater() throws Exception {
        directory.byName.put("#1050", order("#1050", "2026-11-25"));
        OrderContext first = lookup.lookup(request("order 1050?"), Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        OrderContext second = lookup.lookup(request("thanks"), Optional.of(first));
        assertThat(second.orders()).extracting(ShopOrder::name).containsExactly("#1050");
        assertThat(directory.nameQueries).hasSize(1);

        clock.advance(Duration.ofMinutes(30));
        OrderContext third = lookup.lookup(request("still waiting"), Optional.of(second));
        assertThat(third.orders()).extracting(ShopOrder::name).containsExactly("#1050");
        assertThat(directory.nameQueries).hasSize(2);
    }

    @Test
    void aFailureReachesTheCallerAndTheUnavailableContextKeepsWhatWasKnown() throws Exception {
        directory.byEmail.put("ana@example.com", new OrderDirectory.Found(ANA, List.of(order("#1001", "2026-11-10"))));
        OrderContext known = lookup.lookup(request("hi"), Optional.empty());
        directory.failure = new OrderDirectoryException(OrderDirectoryException.Kind.UNAVAILABLE, "shopify answered 503");
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> lookup.lookup(request("hi"), Optional.of(known))).isInstanceOf(OrderDirectoryException.class)
                .hasMessage("shopify answered 503");
        OrderContext marked = known.unavailable("shopify answered 503", clock.instant());
        assertThat(marked.status()).isEqualTo(OrderContext.Status.UNAVAILABLE);
        assertThat(marked.reason()).isEqualTo("shopify answered 503");
        assertThat(marked.orders()).extracting(ShopOrder::name).containsExactly("#1001");
    }

    @Test
    void aRequesterWithoutEmailOrPhoneOnlyGetsNamedOrders() throws Exception {
        directory.byName.put("#1001", order("#1001", "2026-11-10"));
        OrderContext ctx = lookup.lookup(new OrderLookup.Request(STORE, null, null, "Bestellung 1001", null), Optional.empty());
        assertThat(ctx.customer()).isNull();
        assertThat(ctx.orders()).extracting(ShopOrder::name).containsExactly("#1001");
        assertThat(directory.customerQueries).isZero();
    }

    private static OrderLookup.Request request(String body) {
        return new OrderLookup.Request(STORE, "ana@example.com", "+4915112345678", "Question", body);
    }

    private static ShopOrder order(String name, String day) {
        return new ShopOrder("gid://shopify/Order/" + name.substring(1), name, Instant.parse(day + "T12:00:00Z"), "PAID",
                "UNFULFILLED", null, "50.00", "EUR", List.of(), null, List.of(), List.of(), List.of());
    }

    private static final class FakeDirectory implements OrderDirectory {
        final Map<String, Found> byEmail = new HashMap<>();
        final Map<String, Found> byPhone = new HashMap<>();
        final Map<String, ShopOrder> byName = new HashMap<>();
        final List<Set<String>> nameQueries = new ArrayList<>();
        int customerQueries;
        OrderDirectoryException failure;

        @Override
        public Found byEmail(Store store, String email) throws OrderDirectoryException {
            if (failure != null) throw failure;
            customerQueries++;
            return byEmail.getOrDefault(email, Found.NONE);
        }

        @Override
        public Found byPhone(Store store, String phone) throws OrderDirectoryException {
            if (failure != null) throw failure;
            customerQueries++;
            return byPhone.getOrDefault(phone, Found.NONE);
        }

        @Override
        public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
            if (failure != null) throw failure;
            nameQueries.add(Set.copyOf(names));
            return names.stream().map(byName::get).filter(o -> o != null).toList();
        }
    }

    private static final class MapCache implements OrderContextCache {
        final Map<String, Cached> items = new HashMap<>();

        @Override
        public Optional<Cached> get(String storeId, String customerKey) {
            return Optional.ofNullable(items.get(storeId + "|" + customerKey));
        }

        @Override
        public void put(String storeId, String customerKey, Cached value) {
            items.put(storeId + "|" + customerKey, value);
        }

        @Override
        public void evict(String storeId, String customerKey) {
            items.remove(storeId + "|" + customerKey);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
