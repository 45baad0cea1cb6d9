package com.helpdesk.core.orders;

import com.helpdesk.core.event.DomainEvent;

import java.util.Optional;

/**
 * A ticket's order context, kept with the ticket (in its item collection) and versioned, so that two
 * lookups racing for one ticket cannot overwrite each other silently.
 */
public interface OrderContexts {
    /** The detail-type of the event written with every change of a ticket's context. */
    String ORDER_CONTEXT_UPDATED = com.helpdesk.core.event.EventTypes.ORDER_CONTEXT_UPDATED;

    Optional<Stored> find(String ticketId);

    /**
     * Writes the context and its {@link #ORDER_CONTEXT_UPDATED} event in one write; {@code expectedVersion}
     * is the version read (0 when there was none). Throws {@code VersionConflictException} when another
     * write came first.
     */
    void save(String ticketId, OrderContext context, long expectedVersion, DomainEvent event);

    record Stored(OrderContext context, long version) {}
}
