package com.helpdesk.core.sla;

import com.helpdesk.core.sla.SlaClock.Phase;
import com.helpdesk.core.sla.SlaLedgerEntry.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working copy of a ticket's clocks while one fact is applied: every change to a clock goes through
 * here and leaves its ledger entry, so nothing changes unrecorded.
 */
final class SlaStep {
    static final String TIMER = "timer";

    private SlaPolicy policy;
    private BusinessTime calendar;
    private final Map<SlaTarget, SlaClock> clocks;
    private final List<SlaLedgerEntry> ledger = new ArrayList<>();
    private final List<SlaSignal> signals = new ArrayList<>();

    SlaStep(SlaPolicy policy, BusinessTime calendar, Map<SlaTarget, SlaClock> clocks) {
        this.policy = policy;
        this.calendar = calendar;
        this.clocks = new EnumMap<>(SlaTarget.class);
        this.clocks.putAll(clocks);
    }

    BusinessTime calendar() {
        return calendar;
    }

    /** From here on clocks run under {@code next} and signals name {@code nextPolicy}. */
    void usePolicy(SlaPolicy nextPolicy, BusinessTime next) {
        policy = nextPolicy;
        calendar = next;
    }

    SlaClock clock(SlaTarget target) {
        return clocks.get(target);
    }

    boolean isOpen(SlaTarget target) {
        SlaClock c = clocks.get(target);
        return c != null && c.isOpen();
    }

    void start(SlaClock clock, Instant at, String cause) {
        put(clock, Kind.START, at, cause);
    }

    void pause(SlaTarget target, Instant at, String cause) {
        put(clocks.get(target).pause(at, calendar), Kind.PAUSE, at, cause);
    }

    void resume(SlaTarget target, Instant at, String cause) {
        put(clocks.get(target).resume(at, calendar), Kind.RESUME, at, cause);
    }

    /**
     * Stops a clock as met or cancelled. A cycle met with less business time spent than its target is also
     * published ({@code SlaMet}, at the instant it was met); one met late already had its {@code SlaBreached}.
     */
    void stop(SlaTarget target, Phase how, Instant at, String cause) {
        SlaClock running = clocks.get(target);
        SlaClock stopped = running.stop(how, at, calendar);
        put(stopped, how == Phase.MET ? Kind.MET : Kind.CANCEL, at, cause);
        if (how == Phase.MET && stopped.elapsed().compareTo(stopped.goal()) < 0) signals.add(signal(SlaSignal.MET, running, at));
    }

    void retarget(SlaTarget target, Duration goal, double warnAt, Instant at, BusinessTime newCalendar, String cause) {
        put(clocks.get(target).retarget(goal, warnAt, at, calendar, newCalendar), Kind.RETARGET, at, cause);
    }

    private void put(SlaClock next, Kind kind, Instant at, String cause) {
        clocks.put(next.target(), next);
        ledger.add(new SlaLedgerEntry(at, next.target(), next.cycle(), kind, cause, next.dueAt(), next.elapsed()));
    }

    /**
     * Emits every warning and breach due by {@code now} that this cycle has not emitted yet, each stamped
     * with the instant its threshold was crossed; in time order, a clock's warning before its breach.
     * Runs before every fact too, so the ledger stays in the order things happened even when the timer is late.
     */
    void fireUpTo(Instant now) {
        List<SlaLedgerEntry> fired = new ArrayList<>();
        List<SlaSignal> emitted = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            SlaClock c = clocks.get(target);
            if (c == null || !c.isRunning()) continue;
            if (c.warnedAt() == null) {
                Instant warnAt = c.warnInstant(calendar);
                if (warnAt.isAfter(now)) continue; // the breach comes later still
                c = c.warned(warnAt);
                fired.add(entry(c, Kind.WARNING, warnAt, c.warnThreshold(),
                        Math.round(c.warnAt() * 100) + "% of " + target.wire() + " " + c.goal() + " spent"));
                emitted.add(signal(SlaSignal.WARNING, c, warnAt));
            }
            if (c.breachedAt() == null && !c.dueAt().isAfter(now)) {
                c = c.breached(c.dueAt());
                fired.add(entry(c, Kind.BREACH, c.dueAt(), c.elapsedAt(c.dueAt(), calendar),
                        target.wire() + " " + c.goal() + " spent"));
                emitted.add(signal(SlaSignal.BREACHED, c, c.dueAt()));
            }
            clocks.put(target, c);
        }
        // stable sort: at one instant, a clock's warning stays before its breach
        fired.sort(Comparator.comparing(SlaLedgerEntry::at));
        emitted.sort(Comparator.comparing(SlaSignal::at));
        ledger.addAll(fired);
        signals.addAll(emitted);
    }

    private SlaLedgerEntry entry(SlaClock c, Kind kind, Instant at, Duration elapsed, String why) {
        return new SlaLedgerEntry(at, c.target(), c.cycle(), kind, TIMER + ": " + why, c.dueAt(), elapsed);
    }

    private SlaSignal signal(String type, SlaClock c, Instant at) {
        return new SlaSignal(type, c.target(), c.cycle(), at, c.dueAt(), c.goal(), policy.id(), policy.businessHours(), policy.onBreach());
    }

    Map<SlaTarget, SlaClock> clocks() {
        return clocks;
    }

    List<SlaLedgerEntry> ledger() {
        return ledger;
    }

    List<SlaSignal> signals() {
        return signals;
    }
}
