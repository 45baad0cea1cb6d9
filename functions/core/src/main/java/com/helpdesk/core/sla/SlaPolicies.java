package com.helpdesk.core.sla;

import java.util.Collection;
import java.util.Comparator;

/** Which policy applies to a ticket. */
public final class SlaPolicies {
    /** Lowest order first; equal orders are decided by id so the choice never depends on storage order. */
    public static final Comparator<SlaPolicy> PRECEDENCE =
            Comparator.comparingInt(SlaPolicy::order).thenComparing(SlaPolicy::id);

    private SlaPolicies() {}

    /** The first policy (by order, then id) whose match holds; {@link SlaPolicy#BUILT_IN_DEFAULT} when none does. */
    public static SlaPolicy select(Collection<SlaPolicy> policies, TicketFacts ticket) {
        return policies.stream()
                .filter(p -> p.match().matches(ticket))
                .min(PRECEDENCE)
                .orElse(SlaPolicy.BUILT_IN_DEFAULT);
    }
}
