package com.helpdesk.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SLA clock of a ticket: how much business time has been spent against one target in the current
 * cycle. {@code elapsed} is the business time banked before {@code segmentStart}; while running, the
 * time since {@code segmentStart} (under the ticket's calendar) is added on top. Breaching is not a
 * phase: a clock past its target keeps running until it is met or stopped, and shows as breached
 * (see {@link #state}). {@code warnedAt} and {@code breachedAt} record the warning and the breach
 * already emitted in this cycle, so each fires once.
 */
public record SlaClock(
        SlaTarget target,
        Phase phase,
        Duration goal,
        double warnAt,
        Duration elapsed,
        Instant segmentStart,
        Instant dueAt,
        Instant warnedAt,
        Instant breachedAt,
        int cycle) {

    /** Where a clock is in its cycle. Met and cancelled clocks are stopped; only a new cycle starts them again. */
    public enum Phase { RUNNING, PAUSED, MET, CANCELLED }

    public SlaClock {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) throw new IllegalArgumentException("elapsed business time cannot be negative");
        if ((phase == Phase.RUNNING) != (segmentStart != null && dueAt != null)) {
            throw new IllegalArgumentException("a running clock has a segment start and a due time; no other clock has");
        }
        if (cycle < 1) throw new IllegalArgumentException("cycles count from 1");
    }

    /** A clock starting a cycle at {@code at}, with {@code elapsed} already spent (zero, or carried over on a reopen). */
    static SlaClock start(SlaTarget target, Duration goal, double warnAt, int cycle, Duration elapsed, Instant at,
                          boolean paused, BusinessTime calendar) {
        SlaClock stopped = new SlaClock(target, Phase.PAUSED, goal, warnAt, elapsed, null, null, null, null, cycle);
        return paused ? stopped : stopped.resume(at, calendar);
    }

    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }

    /** Running or paused: the clock still measures something. */
    public boolean isOpen() {
        return phase == Phase.RUNNING || phase == Phase.PAUSED;
    }

    /** Business time spent in this cycle up to {@code at} (nothing more accrues before the segment start or while paused). */
    public Duration elapsedAt(Instant at, BusinessTime calendar) {
        return isRunning() ? elapsed.plus(calendar.between(segmentStart, at)) : elapsed;
    }

    /** Business time left before the target is reached; negative once past it. */
    public Duration remainingAt(Instant at, BusinessTime calendar) {
        return goal.minus(elapsedAt(at, calendar));
    }

    /**
     * What the API shows: cancelled; breached once the business time spent reaches the target (whether
     * still running or stopped late); else met, paused or active.
     */
    public String state(Instant now, BusinessTime calendar) {
        if (phase == Phase.CANCELLED) return "cancelled";
        if (elapsedAt(now, calendar).compareTo(goal) >= 0) return "breached";
        return switch (phase) {
            case MET -> "met";
            case PAUSED -> "paused";
            default -> "active";
        };
    }

    SlaClock pause(Instant at, BusinessTime calendar) {
        return stop(Phase.PAUSED, at, calendar);
    }

    /** Banks the running segment (if any) and leaves the clock in {@code next}, without a due time. */
    SlaClock stop(Phase next, Instant at, BusinessTime calendar) {
        return new SlaClock(target, next, goal, warnAt, elapsedAt(at, calendar), null, null, warnedAt, breachedAt, cycle);
    }

    /** Runs again from {@code at}; due when the remaining business time runs out under {@code calendar}. */
    SlaClock resume(Instant at, BusinessTime calendar) {
        Duration remaining = goal.minus(elapsed);
        // already past the target: overdue from the moment it runs again
        Instant due = remaining.isNegative() || remaining.isZero() ? at : calendar.add(at, remaining);
        return new SlaClock(target, Phase.RUNNING, goal, warnAt, elapsed, at, due, warnedAt, breachedAt, cycle);
    }

    /**
     * This clock read under {@code calendar} as it is now: a running clock's due time is recomputed from its
     * segment, as its elapsed time already is, so an edit of the calendar since the due time was computed
     * (a holiday added, hours changed) moves it. Under an unchanged calendar it is the same clock.
     */
    SlaClock dueUnder(BusinessTime calendar) {
        return isRunning() ? resume(segmentStart, calendar) : this;
    }

    /**
     * The same cycle measured against a new goal: the business time spent so far is banked under the old
     * calendar and kept; a running clock goes on under the new calendar from {@code at}. Warnings and
     * breaches already emitted in this cycle stay emitted.
     */
    SlaClock retarget(Duration newGoal, double newWarnAt, Instant at, BusinessTime oldCalendar, BusinessTime newCalendar) {
        SlaClock banked = new SlaClock(target, Phase.PAUSED, newGoal, newWarnAt, elapsedAt(at, oldCalendar), null, null,
                warnedAt, breachedAt, cycle);
        return isRunning() ? banked.resume(at, newCalendar) : banked;
    }

    /** The business time at which this cycle's warning is due. */
    Duration warnThreshold() {
        return Duration.ofMillis(Math.round(goal.toMillis() * warnAt));
    }

    /** When a running clock reaches its warning threshold (the segment start if it already has). */
    Instant warnInstant(BusinessTime calendar) {
        Duration left = warnThreshold().minus(elapsed);
        return left.isNegative() || left.isZero() ? segmentStart : calendar.add(segmentStart, left);
    }

    /** The next instant this clock has something to fire, or null (not running, or both fired in this cycle). */
    public Instant nextFireAt(BusinessTime calendar) {
        if (!isRunning()) return null;
        if (warnedAt == null) return warnInstant(calendar);
        return breachedAt == null ? dueAt : null;
    }

    SlaClock warned(Instant at) {
        return new SlaClock(target, phase, goal, warnAt, elapsed, segmentStart, dueAt, at, breachedAt, cycle);
    }

    SlaClock breached(Instant at) {
        return new SlaClock(target, phase, goal, warnAt, elapsed, segmentStart, dueAt, warnedAt, at, cycle);
    }
}
