package com.helpdesk.core.triage;

import java.util.Locale;

/** Who set a ticket's intent: the classifier ({@code auto}) or an agent who corrected it ({@code agent}). */
public enum IntentSource {
    AUTO, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntentSource parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
