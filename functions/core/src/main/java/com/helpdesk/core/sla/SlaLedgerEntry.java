package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a ticket's SLA ledger ({@code GET /tickets/{id}/sla}): what happened to which clock, when,
 * why ({@code cause}: the event or change behind it, e.g. "MessageAdded msg_…", "StatusChanged open→pending"),
 * the due time it set (null when the clock is not running afterwards) and the business time spent by then.
 */
public record SlaLedgerEntry(Instant at, SlaTarget target, int cycle, Kind kind, String cause, Instant dueAt, Duration elapsed) {

    public enum Kind {
        START, PAUSE, RESUME, RETARGET, WARNING, MET, BREACH, CANCEL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SlaLedgerEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public Map<String, Object> toWire() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", at.toString());
        out.put("target", target.wire());
        out.put("cycle", cycle);
        out.put("kind", kind.wire());
        out.put("cause", cause);
        out.put("dueAt", dueAt == null ? null : dueAt.toString());
        out.put("elapsed", elapsed.toString());
        return out;
    }
}
