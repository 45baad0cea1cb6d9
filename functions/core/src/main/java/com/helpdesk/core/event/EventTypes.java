package com.helpdesk.core.event;

/** Detail-types of the domain events (the catalog in docs/events.md). */
public final class EventTypes {
    public static final String SOURCE = "helpdesk.tickets";

    public static final String TICKET_CREATED = "TicketCreated";
    public static final String MESSAGE_ADDED = "MessageAdded";
    public static final String STATUS_CHANGED = "StatusChanged";
    public static final String ASSIGNED = "Assigned";
    public static final String PRIORITY_CHANGED = "PriorityChanged";
    public static final String TAGGED = "Tagged";
    public static final String TICKET_UPDATED = "TicketUpdated";
    public static final String ESCALATED = "Escalated";
    public static final String LINKED = "Linked";
    public static final String UNLINKED = "Unlinked";
    public static final String MERGED = "Merged";
    public static final String SPLIT = "Split";
    public static final String CSAT_RECEIVED = "CsatReceived";
    public static final String DELIVERY_UPDATED = "DeliveryUpdated";
    public static final String ORDER_CONTEXT_UPDATED = "OrderContextUpdated";
    public static final String INTENT_CLASSIFIED = "IntentClassified";
    /** Written by the WISMO auto-answer (core/deflection): whether the AI answered a wismo ticket, or why not. */
    public static final String AUTO_ANSWER_DECIDED = "AutoAnswerDecided";
    /** Published by the SLA timer (core/sla): a clock reached its warning fraction / its target. */
    public static final String SLA_WARNING = "SlaWarning";
    public static final String SLA_BREACHED = "SlaBreached";
    /** Published by the SLA timer: a clock's cycle was completed (met) before it reached its target. */
    public static final String SLA_MET = "SlaMet";
    /** Published by the order lookup for Shopify's customers/data_request (core/privacy): about a customer, not a ticket. */
    public static final String CUSTOMER_DATA_EXPORTED = "CustomerDataExported";

    private EventTypes() {}
}
