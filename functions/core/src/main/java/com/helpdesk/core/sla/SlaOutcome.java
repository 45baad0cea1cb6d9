package com.helpdesk.core.sla;

import java.time.Instant;
import java.util.List;

/**
 * What applying one fact (or the timer) to a ticket's clocks produced: the new state to store, the ledger
 * entries to append, and the warnings and breaches to publish. Empty lists mean nothing happened.
 */
public record SlaOutcome(TicketSla sla, List<SlaLedgerEntry> ledger, List<SlaSignal> signals) {
    public SlaOutcome {
        ledger = List.copyOf(ledger);
        signals = List.copyOf(signals);
    }

    /** The next instant the timer has to look at this ticket (for the due-time index); null when never. */
    public Instant nextFireAt() {
        return sla.nextFireAt();
    }

    public boolean changed() {
        return !ledger.isEmpty();
    }
}
