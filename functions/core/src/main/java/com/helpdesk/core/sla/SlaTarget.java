package com.helpdesk.core.sla;

import java.util.Optional;

/** What an SLA clock measures. Declaration order is the order targets are listed and fired in. */
public enum SlaTarget {
    FIRST_RESPONSE("firstResponse"),
    NEXT_RESPONSE("nextResponse"),
    RESOLUTION("resolution");

    private final String wire;

    SlaTarget(String wire) {
        this.wire = wire;
    }

    /** The camelCase name used in policies, the ticket's {@code sla} view, the ledger and events. */
    public String wire() {
        return wire;
    }

    public static Optional<SlaTarget> fromWire(String name) {
        for (SlaTarget t : values()) {
            if (t.wire.equals(name)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
