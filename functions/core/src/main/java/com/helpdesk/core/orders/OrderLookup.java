package com.helpdesk.core.orders;

import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderContextCache.Cached;
import com.helpdesk.core.orders.OrderDirectory.Found;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a ticket's order context: the requester's customer and orders by email and by phone (through the
 * per-customer cache), plus the orders the customer names in the subject or body, merged into one list
 * where each order says why it is there. Orders named in earlier messages stay while the previous context
 * is fresh, and are fetched again once it is older than the cache's time to live.
 */
public final class OrderLookup {
    private final OrderDirectory directory;
    private final OrderContextCache cache;
    private final Duration ttl;
    private final Clock clock;

    public OrderLookup(OrderDirectory directory, OrderContextCache cache, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("the cache's time to live must be positive");
        this.directory = directory;
        this.cache = cache;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A ticket's facts as the lookup needs them; email and phone are the requester's, normalised. */
    public record Request(Store store, String email, String phone, String subject, String body) {}

    /**
     * The context for this ticket now. Throws when the directory fails, so that the caller can retry
     * and, once retries are spent, keep {@code previous} marked unavailable with the reason.
     */
    public OrderContext lookup(Request request, Optional<OrderContext> previous) throws OrderDirectoryException {
        return lookup(request, previous, false);
    }

    /**
     * @param refetchNamed fetch the orders named in earlier messages again even while the previous context is
     *                     fresh: a webhook said an order changed
     */
    public OrderContext lookup(Request request, Optional<OrderContext> previous, boolean refetchNamed) throws OrderDirectoryException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Store store = request.store();
        OrderContext byCustomer = byCustomer(request, now);
        Map<String, ShopOrder> merged = new LinkedHashMap<>();
        byCustomer.orders().forEach(o -> merge(merged, o));

        Set<String> names = new LinkedHashSet<>(OrderNumbers.find(store, request.subject(), request.body()));
        boolean previousFresh = !refetchNamed && previous.isPresent() && previous.get().status() == OrderContext.Status.OK
                && previous.get().fetchedAt() != null && previous.get().fetchedAt().plus(ttl).isAfter(now);
        for (ShopOrder earlier : previous.map(OrderContext::orders).orElse(List.of())) {
            if (!earlier.matchedBy().contains(MatchedBy.ORDER_NUMBER)) continue;
            if (previousFresh && !names.contains(earlier.name())) {
                merge(merged, earlier.matched(List.of(MatchedBy.ORDER_NUMBER)));
            } else {
                names.add(earlier.name());
            }
        }
        Set<String> toFetch = new LinkedHashSet<>();
        for (String name : names) {
            ShopOrder known = merged.get(name);
            if (known != null) merge(merged, known.matched(List.of(MatchedBy.ORDER_NUMBER)));
            else toFetch.add(name);
        }
        if (!toFetch.isEmpty()) {
            for (ShopOrder o : directory.byOrderNames(store, toFetch)) merge(merged, o.matched(List.of(MatchedBy.ORDER_NUMBER)));
        }
        return new OrderContext(store.id(), OrderContext.Status.OK, null, now, byCustomer.customer(), new ArrayList<>(merged.values()));
    }

    /** The requester's customer and orders by email and phone, from the cache while it is fresh. */
    private OrderContext byCustomer(Request request, Instant now) throws OrderDirectoryException {
        String key = customerKey(request.email(), request.phone());
        if (key == null) return new OrderContext(request.store().id(), OrderContext.Status.OK, null, now, null, List.of());
        Optional<Cached> cached = cache.get(request.store().id(), key);
        if (cached.isPresent() && cached.get().expiresAt().isAfter(now)) return cached.get().context();

        Map<String, ShopOrder> merged = new LinkedHashMap<>();
        ShopCustomer customer = null;
        if (request.email() != null) {
            Found found = directory.byEmail(request.store(), request.email());
            customer = found.customer();
            found.orders().forEach(o -> merge(merged, o.matched(List.of(MatchedBy.EMAIL))));
        }
        if (request.phone() != null) {
            Found found = directory.byPhone(request.store(), request.phone());
            if (customer == null) customer = found.customer();
            found.orders().forEach(o -> merge(merged, o.matched(List.of(MatchedBy.PHONE))));
        }
        OrderContext context = new OrderContext(request.store().id(), OrderContext.Status.OK, null, now, customer,
                new ArrayList<>(merged.values()));
        cache.put(request.store().id(), key, new Cached(context, now.plus(ttl)));
        return context;
    }

    /** The cache key of a requester: their email when there is one, their phone otherwise. */
    public static String customerKey(String email, String phone) {
        if (email != null && !email.isBlank()) return "email:" + email;
        if (phone != null && !phone.isBlank()) return "phone:" + phone;
        return null;
    }

    /** One entry per order name; an order found twice keeps the newer data and both reasons. */
    private static void merge(Map<String, ShopOrder> merged, ShopOrder order) {
        ShopOrder existing = merged.get(order.name());
        if (existing == null) {
            merged.put(order.name(), order);
            return;
        }
        List<MatchedBy> by = new ArrayList<>(existing.matchedBy());
        by.addAll(order.matchedBy());
        merged.put(order.name(), order.matched(by));
    }
}
