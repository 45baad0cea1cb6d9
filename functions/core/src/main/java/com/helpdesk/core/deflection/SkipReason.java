package com.helpdesk.core.deflection;

/** Why the AI did not answer a wismo ticket by itself; {@link #wire()} is the reason in the history and the event. */
public enum SkipReason {
    ALREADY_ANSWERED("already-answered", "the AI answered this ticket before; it never answers twice"),
    INTENT_BY_AGENT("intent-by-agent", "an agent set the intent"),
    LOW_CONFIDENCE("low-confidence", "the classifier is not sure enough"),
    TICKET_NOT_OPEN("ticket-not-open", "the ticket is not new or open"),
    HUMAN_ANSWERED("human-answered", "an agent has answered the customer already"),
    CHANNEL_NOT_DELIVERED("channel-not-delivered", "replies on this channel are not sent by the helpdesk"),
    STORE_OFF("store-off", "auto-answers are off for the store"),
    ORDER_CONTEXT_UNAVAILABLE("order-context-unavailable", "the order context could not be fetched"),
    VIP_CUSTOMER("vip-customer", "the customer is a VIP"),
    NO_ORDER("no-order", "no order of the customer's was found"),
    ORDER_NOT_CUSTOMERS("order-not-customers", "the order named is not the customer's (matched by its number only)"),
    SEVERAL_ORDERS("several-orders", "the customer names several of their orders"),
    NO_TRACKING("no-tracking", "the order has no shipment with tracking"),
    SHIPMENT_PROBLEM("shipment-problem", "the shipment has a problem a human should look at");

    private final String wire;
    private final String explanation;

    SkipReason(String wire, String explanation) {
        this.wire = wire;
        this.explanation = explanation;
    }

    public String wire() {
        return wire;
    }

    public String explanation() {
        return explanation;
    }
}
