package com.helpdesk.core.orders;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.ticket.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One refresh of a ticket's order context, as the lookup function runs it for each queued ticket event.
 * A failing directory never touches the ticket: the refresh asks to be retried (the queue's backoff),
 * and only on the last attempt writes what was known, marked unavailable with the reason, so the agent
 * sees why the orders are missing or stale. Every write carries an {@code OrderContextUpdated} event.
 */
public final class OrderContextRefresh {
    private final OrderLookup lookup;
    private final OrderContexts contexts;
    private final IdGenerator ids;
    private final Clock clock;

    public OrderContextRefresh(OrderLookup lookup, OrderContexts contexts, IdGenerator ids, Clock clock) {
        this.lookup = lookup;
        this.contexts = contexts;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the function knows of the ticket; {@code store} is null when no store answers for it. */
    public record Facts(String ticketId, long ticketNumber, Store store, String email, String phone, String subject, String body) {}

    public sealed interface Outcome {
        record Updated(OrderContext context) implements Outcome {}

        /** No store answers for this ticket: nothing to look up, nothing written. */
        record NoStore() implements Outcome {}

        /** The event is of no use (the ticket is gone or merged, the message is not the customer's); nothing written. */
        record Skipped(String why) implements Outcome {}

        /** Try again later (the queue redelivers); nothing was written. */
        record RetryLater(String reason) implements Outcome {}

        /** The last attempt failed too: the ticket now shows this unavailable context. */
        record GaveUp(OrderContext context, String reason) implements Outcome {}
    }

    public Outcome refresh(Facts facts, boolean lastAttempt) {
        return refresh(facts, lastAttempt, false);
    }

    /** @param refetchNamed a webhook said an order changed: every order on the ticket is read again, cached or not */
    public Outcome refresh(Facts facts, boolean lastAttempt, boolean refetchNamed) {
        if (facts.store() == null) return new Outcome.NoStore();
        Optional<OrderContexts.Stored> previous = contexts.find(facts.ticketId());
        long version = previous.map(OrderContexts.Stored::version).orElse(0L);
        OrderContext context;
        try {
            context = lookup.lookup(new OrderLookup.Request(facts.store(), facts.email(), facts.phone(), facts.subject(), facts.body()),
                    previous.map(OrderContexts.Stored::context), refetchNamed);
        } catch (OrderDirectoryException e) {
            if (!lastAttempt) return new Outcome.RetryLater(e.reason());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            OrderContext marked = previous.map(p -> p.context().unavailable(e.reason(), now))
                    .orElseGet(() -> new OrderContext(facts.store().id(), OrderContext.Status.UNAVAILABLE, e.reason(), now, null, List.of()));
            return save(facts, marked, version).orElseGet(() -> new Outcome.GaveUp(marked, e.reason()));
        }
        return save(facts, context, version).orElseGet(() -> new Outcome.Updated(context));
    }

    /** Empty when written; a retry when another refresh wrote first (the next attempt starts from its result). */
    private Optional<Outcome> save(Facts facts, OrderContext context, long version) {
        try {
            contexts.save(facts.ticketId(), context, version, event(facts, context));
            return Optional.empty();
        } catch (VersionConflictException e) {
            return Optional.of(new Outcome.RetryLater("the order context of ticket " + facts.ticketId() + " changed meanwhile"));
        }
    }

    /** The event says what changed, without personal data: store, status, reason and the orders' names. */
    private DomainEvent event(Facts facts, OrderContext context) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("store", context.store());
        detail.put("status", context.status().wire());
        detail.put("reason", context.reason());
        detail.put("orders", context.orders().stream().map(OrderContext.ShopOrder::name).toList());
        return new DomainEvent(ids.newId("evt"), OrderContexts.ORDER_CONTEXT_UPDATED, facts.ticketId(), facts.ticketNumber(),
                context.fetchedAt(), Actor.system("order-lookup"), detail);
    }
}
