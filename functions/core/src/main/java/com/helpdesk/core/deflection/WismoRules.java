package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentSource;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the AI answers a "where is my order" ticket by itself (docs/deflection.md). The first rule that refuses
 * gives the reason; an answer needs all of: wismo from the classifier at or above the auto-answer threshold, a new
 * or open ticket no human has answered on a channel the helpdesk delivers, the store's auto-answer on, a customer
 * who is not a VIP, and one order of the customer's own (found by their email or phone: an order matched only by a
 * number they typed may be someone else's) with a tracked shipment. Pure: no I/O.
 */
public final class WismoRules {
    /** The AI's answer carries this as its threading: one per ticket, which is how "never twice" is checked. */
    public static final String ANSWER_KEY = "auto-answer:wismo";
    /** Shopify display statuses a human should look at: the answer would only repeat the bad news. */
    private static final Set<String> SHIPMENT_PROBLEMS = Set.of("ATTEMPTED_DELIVERY", "CANCELED", "CANCELLED", "DELAYED", "FAILURE",
            "LABEL_VOIDED", "NOT_DELIVERED", "ERROR");
    private static final Set<String> CANCELLED = Set.of("CANCELLED", "CANCELED", "LABEL_VOIDED");

    private final WismoSettings settings;

    public WismoRules(WismoSettings settings) {
        this.settings = settings;
    }

    /**
     * What the ticket's case is, as read now.
     *
     * @param context   the ticket's order context; null when there is none (yet)
     * @param store     the store of the context, when it is configured
     * @param anyStore  whether any store is configured (without one, no context ever comes)
     */
    public record Case(TicketThread thread, Intent intent, OrderContext context, Optional<Store> store, boolean anyStore) {}

    /** The decision; empty when there is none to make (not wismo) or none yet (the order context is still coming). */
    public Optional<WismoDecision> decide(Case c) {
        if (c.intent() == null || c.intent().name() != IntentName.WISMO) return Optional.empty();
        Optional<Message> asked = latestFromCustomer(c.thread().messages());
        if (asked.isEmpty()) return Optional.empty();
        String about = asked.get().id();
        Optional<Message> answer = c.thread().messages().stream().filter(WismoRules::isAutoAnswer).findFirst();
        if (answer.isPresent()) {
            // the same question again (a redelivery, a reclassification) is not a decision; a new message from the customer is
            List<Message> messages = c.thread().messages(); // in thread order
            boolean wroteAfter = messages.indexOf(asked.get()) > messages.indexOf(answer.get());
            return wroteAfter ? Optional.of(WismoDecision.skip(about, SkipReason.ALREADY_ANSWERED)) : Optional.empty();
        }
        // the order context is evidence for the intent too: triage classifies again when it arrives, and that decides
        boolean contextComing = c.context() == null ? c.anyStore() : c.context().status() == OrderContext.Status.PENDING;
        if (contextComing) return Optional.empty();
        Optional<SkipReason> ticket = ticketRules(c);
        if (ticket.isPresent()) return Optional.of(WismoDecision.skip(about, ticket.get(), ticketDetail(c, ticket.get())));
        if (c.context() == null) return Optional.of(WismoDecision.skip(about, SkipReason.STORE_OFF, "no store is configured"));
        if (c.store().isEmpty() || !c.store().get().autoAnswer().wismo()) {
            return Optional.of(WismoDecision.skip(about, SkipReason.STORE_OFF, "store " + c.context().store()));
        }
        if (c.context().status() == OrderContext.Status.UNAVAILABLE) {
            return Optional.of(WismoDecision.skip(about, SkipReason.ORDER_CONTEXT_UNAVAILABLE, c.context().reason()));
        }
        if (c.context().customer() != null && settings.isVip(c.context().customer().tags())) {
            return Optional.of(WismoDecision.skip(about, SkipReason.VIP_CUSTOMER, "Shopify tag " + settings.vipCustomerTag()));
        }
        return Optional.of(orderRules(about, c.context().orders()));
    }

    private Optional<SkipReason> ticketRules(Case c) {
        Ticket t = c.thread().ticket();
        if (c.intent().source() == IntentSource.AGENT) return Optional.of(SkipReason.INTENT_BY_AGENT);
        if (c.intent().confidence() < settings.threshold()) return Optional.of(SkipReason.LOW_CONFIDENCE);
        if (t.status() != Status.NEW && t.status() != Status.OPEN) return Optional.of(SkipReason.TICKET_NOT_OPEN);
        boolean humanAnswered = c.thread().messages().stream().anyMatch(m -> m.isPublic() && m.author().type() == ActorType.AGENT);
        if (humanAnswered) return Optional.of(SkipReason.HUMAN_ANSWERED);
        if (!t.channel().delivers()) return Optional.of(SkipReason.CHANNEL_NOT_DELIVERED);
        return Optional.empty();
    }

    private String ticketDetail(Case c, SkipReason reason) {
        return switch (reason) {
            case LOW_CONFIDENCE -> String.format(Locale.ROOT, "%.2f, under %.2f", c.intent().confidence(), settings.threshold());
            case TICKET_NOT_OPEN -> c.thread().ticket().status().wire();
            case CHANNEL_NOT_DELIVERED -> c.thread().ticket().channel().wire();
            default -> null;
        };
    }

    /** Which order the customer asks about: the one of theirs they name, else their newest; then its shipment. */
    static WismoDecision orderRules(String about, List<ShopOrder> orders) {
        List<ShopOrder> own = orders.stream().filter(WismoRules::customersOwn).filter(o -> o.cancelledAt() == null).toList();
        List<ShopOrder> named = orders.stream().filter(o -> o.matchedBy().contains(MatchedBy.ORDER_NUMBER)).toList();
        List<ShopOrder> namedOwn = named.stream().filter(own::contains).toList();
        if (!named.isEmpty() && namedOwn.isEmpty()) {
            boolean cancelled = named.stream().anyMatch(o -> customersOwn(o) && o.cancelledAt() != null);
            return cancelled ? WismoDecision.skip(about, SkipReason.NO_TRACKING, names(named) + " is cancelled")
                    : WismoDecision.skip(about, SkipReason.ORDER_NOT_CUSTOMERS, names(named));
        }
        if (namedOwn.size() > 1) return WismoDecision.skip(about, SkipReason.SEVERAL_ORDERS, names(namedOwn));
        Optional<ShopOrder> order = namedOwn.isEmpty()
                ? own.stream().max(Comparator.comparing(ShopOrder::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                : Optional.of(namedOwn.get(0));
        if (order.isEmpty()) return WismoDecision.skip(about, SkipReason.NO_ORDER);
        Optional<Fulfillment> shipment = shipment(order.get());
        if (shipment.isEmpty()) return WismoDecision.skip(about, SkipReason.NO_TRACKING, order.get().name());
        if (isProblem(shipment.get())) {
            return WismoDecision.skip(about, SkipReason.SHIPMENT_PROBLEM, order.get().name() + ": " + shipment.get().shipmentStatus());
        }
        return WismoDecision.answer(about, order.get(), shipment.get());
    }

    /**
     * The shipment to tell about: one still on its way before one delivered; only shipments with a tracking number. A
     * cancelled one (a voided label, shipped again) is passed over when the order has another.
     */
    static Optional<Fulfillment> shipment(ShopOrder order) {
        List<Fulfillment> withTracking = order.fulfillments().stream().filter(f -> f.trackingNumber() != null && !f.trackingNumber().isBlank()).toList();
        List<Fulfillment> standing = withTracking.stream().filter(f -> !isCancelled(f)).toList();
        List<Fulfillment> tracked = standing.isEmpty() ? withTracking : standing;
        return tracked.stream().filter(f -> f.deliveredAt() == null && !"DELIVERED".equals(f.shipmentStatus())).findFirst()
                .or(() -> tracked.stream().findFirst());
    }

    /** Fulfillment.status CANCELLED, or its displayStatus CANCELED (Admin GraphQL spells them apart). */
    private static boolean isCancelled(Fulfillment f) {
        return CANCELLED.contains(upper(f.status())) || CANCELLED.contains(upper(f.shipmentStatus()));
    }

    private static boolean isProblem(Fulfillment f) {
        return SHIPMENT_PROBLEMS.contains(upper(f.shipmentStatus())) || SHIPMENT_PROBLEMS.contains(upper(f.status()));
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    private static boolean customersOwn(ShopOrder o) {
        return o.matchedBy().contains(MatchedBy.EMAIL) || o.matchedBy().contains(MatchedBy.PHONE);
    }

    private static String names(List<ShopOrder> orders) {
        return String.join(", ", orders.stream().map(ShopOrder::name).toList());
    }

    static boolean isAutoAnswer(Message m) {
        return m.author().type() == ActorType.AI && ANSWER_KEY.equals(m.threading());
    }

    private static Optional<Message> latestFromCustomer(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author().type() == ActorType.CUSTOMER) return Optional.of(messages.get(i));
        }
        return Optional.empty();
    }
}
