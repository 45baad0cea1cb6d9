package com.helpdesk.core.sla;

import com.helpdesk.core.sla.SlaClock.Phase;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ticket's SLA clocks and what they depend on: the policy they were started under (a snapshot, so
 * editing a policy does not rewrite running clocks), the calendar that policy names, the ticket's status,
 * and who spoke last in public. Immutable; each fact about the ticket returns an {@link SlaOutcome} with
 * the next state, the ledger entries it caused and the warnings/breaches to publish; every fact first
 * fires what was due by its instant, so after applying a fact at t nothing due by t is left unfired. The rules are in
 * docs/sla.md ("Policies and clocks").
 *
 * <p>{@code calendar} is the business-time arithmetic of {@code policy.businessHours()} (around the clock
 * when that is null); it is not part of the stored state: whoever loads a ticket's clocks supplies it.
 * {@code teamReplied}: an agent or the AI has replied publicly; {@code teamSpokeLast}: and nobody from
 * the customer's side wrote since. {@code ended}: merged away or closed; nothing changes any more.
 */
public record TicketSla(
        SlaPolicy policy,
        BusinessTime calendar,
        Status status,
        boolean teamReplied,
        boolean teamSpokeLast,
        boolean ended,
        Map<SlaTarget, SlaClock> clocks) {

    /** Statuses in which every clock is paused. An on-hold status, if the lifecycle gains one, belongs here. */
    public static final Set<Status> PAUSING = Set.of(Status.PENDING);

    public TicketSla {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(status, "status");
        EnumMap<SlaTarget, SlaClock> copy = new EnumMap<>(SlaTarget.class);
        if (clocks != null) copy.putAll(clocks);
        clocks = Collections.unmodifiableMap(copy);
    }

    /**
     * The clocks of a new ticket: firstResponse and resolution start at {@code at} (the creation time, or
     * the received time of the inbound message that opened it); nextResponse waits for the customer to
     * write after a team reply. A ticket created pending starts them paused; one created resolved has its
     * resolution met at once. The ticket's first message is part of its creation, never a reply.
     */
    public static SlaOutcome create(SlaPolicy policy, BusinessTime calendar, Status status, Instant at, String cause) {
        if (status == Status.CLOSED) throw new IllegalArgumentException("a ticket is never created closed");
        SlaStep step = new SlaStep(policy, calendar, Map.of());
        for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
            policy.target(target).ifPresent(goal -> step.start(
                    SlaClock.start(target, goal, policy.warnAt(), 1, Duration.ZERO, at, PAUSING.contains(status), calendar), at, cause));
        }
        if (status == Status.RESOLVED && step.isOpen(SlaTarget.RESOLUTION)) step.stop(SlaTarget.RESOLUTION, Phase.MET, at, cause);
        return new TicketSla(policy, calendar, status, false, false, false, Map.of()).finish(step, at, status, false, false, false);
    }

    /**
     * A message was added. Only a public reply by an agent or the AI counts as a response (it meets
     * firstResponse and nextResponse); a public customer message after such a reply starts a
     * nextResponse cycle. Internal notes and the system's acknowledgments and notices change nothing.
     */
    public SlaOutcome onMessage(ActorType author, Visibility visibility, Instant at, String cause) {
        if (ended) return unchanged();
        SlaStep step = begin(at);
        boolean isPublic = visibility == Visibility.PUBLIC;
        if (isPublic && (author == ActorType.AGENT || author == ActorType.AI)) {
            for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.NEXT_RESPONSE)) {
                if (step.isOpen(target)) step.stop(target, Phase.MET, at, cause);
            }
            return finish(step, at, status, true, true, false);
        }
        if (isPublic && author == ActorType.CUSTOMER) {
            if (teamSpokeLast && !step.isOpen(SlaTarget.NEXT_RESPONSE)) startCycle(step, SlaTarget.NEXT_RESPONSE, status, at, cause);
            return finish(step, at, status, teamReplied, false, false);
        }
        return finish(step, at, status, teamReplied, teamSpokeLast, false);
    }

    /**
     * The ticket moved to {@code to}. Resolving meets resolution; leaving resolved (a reopen) starts a new
     * resolution cycle that continues from the business time already spent; pending pauses every running
     * clock and leaving pending resumes them; closing is {@link #onClosed}.
     */
    public SlaOutcome onStatusChanged(Status to, Instant at, String cause) {
        if (ended) return unchanged();
        if (to == status) return fire(at);
        if (to == Status.CLOSED) return onClosed(at, cause);
        SlaStep step = begin(at);
        if (to == Status.RESOLVED && step.isOpen(SlaTarget.RESOLUTION)) step.stop(SlaTarget.RESOLUTION, Phase.MET, at, cause);
        if (status == Status.RESOLVED && !step.isOpen(SlaTarget.RESOLUTION)) startCycle(step, SlaTarget.RESOLUTION, to, at, cause);
        boolean pausedBefore = PAUSING.contains(status);
        boolean pausedAfter = PAUSING.contains(to);
        for (SlaTarget target : SlaTarget.values()) {
            SlaClock c = step.clock(target);
            if (c == null) continue;
            if (pausedAfter && !pausedBefore && c.isRunning()) step.pause(target, at, cause);
            if (pausedBefore && !pausedAfter && c.phase() == Phase.PAUSED) step.resume(target, at, cause);
        }
        return finish(step, at, to, teamReplied, teamSpokeLast, false);
    }

    /** Closing stops everything: an open resolution clock is met (closing resolves), the others are cancelled. */
    public SlaOutcome onClosed(Instant at, String cause) {
        if (ended) return unchanged();
        SlaStep step = begin(at);
        for (SlaTarget target : SlaTarget.values()) {
            if (step.isOpen(target)) step.stop(target, target == SlaTarget.RESOLUTION ? Phase.MET : Phase.CANCELLED, at, cause);
        }
        return finish(step, at, Status.CLOSED, teamReplied, teamSpokeLast, true);
    }

    /** This ticket was merged into another: its open clocks stop as cancelled (the target ticket keeps its own). */
    public SlaOutcome onMerged(Instant at, String cause) {
        if (ended) return unchanged();
        SlaStep step = begin(at);
        for (SlaTarget target : SlaTarget.values()) {
            if (step.isOpen(target)) step.stop(target, Phase.CANCELLED, at, cause);
        }
        return finish(step, at, status, teamReplied, teamSpokeLast, true);
    }

    /**
     * A change of priority, tags or channel selected {@code next} (with its calendar). Open clocks are
     * re-targeted to its targets keeping the business time spent, and run under its calendar from
     * {@code at}; a target it lacks is cancelled; a target only it has starts now if its condition holds
     * (see {@link #startCycle}). The same policy again changes nothing.
     */
    public SlaOutcome onPolicyChanged(SlaPolicy next, BusinessTime nextCalendar, Instant at, String cause) {
        if (ended) return unchanged();
        if (next.equals(policy)) return fire(at);
        SlaStep step = begin(at);
        String because = cause + " (policy " + policy.id() + " → " + next.id() + ")";
        for (SlaTarget target : SlaTarget.values()) {
            if (!step.isOpen(target)) continue;
            next.target(target).ifPresentOrElse(
                    goal -> step.retarget(target, goal, next.warnAt(), at, nextCalendar, because),
                    () -> step.stop(target, Phase.CANCELLED, at, because + ": no " + target.wire() + " target"));
        }
        step.usePolicy(next, nextCalendar);
        TicketSla retargeted = new TicketSla(next, nextCalendar, status, teamReplied, teamSpokeLast, false, clocks);
        for (SlaTarget target : SlaTarget.values()) {
            if (!step.isOpen(target) && retargeted.awaits(target)) retargeted.startCycle(step, target, status, at, because);
        }
        return retargeted.finish(step, at, status, teamReplied, teamSpokeLast, false);
    }

    /** Emits the warnings and breaches due by {@code now} that have not been emitted yet (once per clock cycle). */
    public SlaOutcome fire(Instant now) {
        if (ended) return unchanged();
        SlaStep step = new SlaStep(policy, calendar, clocks);
        step.fireUpTo(now);
        return new SlaOutcome(with(step, status, teamReplied, teamSpokeLast, false), step.ledger(), step.signals());
    }

    /** The earliest instant any clock has a warning or breach left to fire; null when none will. */
    public Instant nextFireAt() {
        Instant next = null;
        for (SlaClock c : clocks.values()) {
            Instant at = c.nextFireAt(calendar);
            if (at != null && (next == null || at.isBefore(next))) next = at;
        }
        return next;
    }

    /**
     * The earliest due time of a running clock (past once it breached and kept running), null when no clock
     * runs: the key of the "breaching soon" queue view ({@code GET /tickets?slaDueBefore=}).
     */
    public Instant nextDueAt() {
        Instant next = null;
        for (SlaClock c : clocks.values()) {
            if (c.isRunning() && (next == null || c.dueAt().isBefore(next))) next = c.dueAt();
        }
        return next;
    }

    /** The ticket's {@code sla} view at {@code now}: per target its state, due time and remaining business time. */
    public Map<String, Object> view(Instant now) {
        return SlaView.of(this, now);
    }

    /** Whether the ticket is waiting on the team for {@code target} (so its clock should be counting). */
    private boolean awaits(SlaTarget target) {
        return switch (target) {
            case FIRST_RESPONSE -> !teamReplied;
            case NEXT_RESPONSE -> teamReplied && !teamSpokeLast;
            case RESOLUTION -> status != Status.RESOLVED;
        };
    }

    /**
     * Starts the next cycle of {@code target} under the current policy, if it has that target. A reopened
     * resolution, and a clock cancelled by an earlier re-target, continue from the business time they had
     * spent; a nextResponse cycle after a met one starts from zero.
     */
    private void startCycle(SlaStep step, SlaTarget target, Status inStatus, Instant at, String cause) {
        Duration goal = policy.targets().get(target);
        if (goal == null) return;
        SlaClock previous = step.clock(target);
        boolean continues = previous != null && (target == SlaTarget.RESOLUTION || previous.phase() == Phase.CANCELLED);
        int cycle = previous == null ? 1 : previous.cycle() + 1;
        Duration spent = continues ? previous.elapsed() : Duration.ZERO;
        step.start(SlaClock.start(target, goal, policy.warnAt(), cycle, spent, at, PAUSING.contains(inStatus), step.calendar()), at, cause);
    }

    /** A working copy with everything already due by {@code at} fired first, so the ledger stays in time order. */
    private SlaStep begin(Instant at) {
        SlaStep step = new SlaStep(policy, calendar, clocks);
        step.fireUpTo(at);
        return step;
    }

    /** Fires what the fact itself made due at {@code at} (e.g. a reopen already past its target), then packs the result. */
    private SlaOutcome finish(SlaStep step, Instant at, Status nextStatus, boolean replied, boolean spokeLast, boolean nowEnded) {
        if (!nowEnded) step.fireUpTo(at);
        return new SlaOutcome(with(step, nextStatus, replied, spokeLast, nowEnded), step.ledger(), step.signals());
    }

    private TicketSla with(SlaStep step, Status nextStatus, boolean replied, boolean spokeLast, boolean nowEnded) {
        return new TicketSla(policy, calendar, nextStatus, replied, spokeLast, nowEnded, step.clocks());
    }

    private SlaOutcome unchanged() {
        return new SlaOutcome(this, List.of(), List.of());
    }
}
