package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.ShopOrder;

import java.util.Objects;

/**
 * What the auto-answer decided about a wismo ticket's customer message ({@code messageId}): answer with the tracking
 * of {@code order}'s {@code shipment}, or not, and why ({@code reason}, {@code detail}).
 */
public record WismoDecision(String messageId, SkipReason reason, String detail, ShopOrder order, Fulfillment shipment) {
    public WismoDecision {
        Objects.requireNonNull(messageId, "messageId");
        if (reason == null && (order == null || shipment == null)) throw new IllegalArgumentException("an answer names the order and its shipment");
    }

    static WismoDecision answer(String messageId, ShopOrder order, Fulfillment shipment) {
        return new WismoDecision(messageId, null, null, order, shipment);
    }

    static WismoDecision skip(String messageId, SkipReason reason, String detail) {
        return new WismoDecision(messageId, reason, detail, null, null);
    }

    static WismoDecision skip(String messageId, SkipReason reason) {
        return skip(messageId, reason, null);
    }

    public boolean answered() {
        return reason == null;
    }

    /** The reason as the history says it: the code's explanation and, where there is one, what it was about. */
    public String explanation() {
        if (answered()) return "answered with the tracking of order " + order.name();
        return detail == null ? reason.explanation() : reason.explanation() + " (" + detail + ")";
    }

    /** One record per reason and customer message: a redelivered or repeated classification records nothing new. */
    public String key() {
        return (answered() ? "answered" : reason.wire()) + "@" + messageId;
    }
}
