package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a ticket's facts say, read in {@link Observation#ORDER}: when it was created, its responses, its
 * resolution cycles, who resolved it, its ratings. Pure derivation; the rules are docs/metrics.md's.
 */
final class TicketTimeline {
    private static final Set<String> DONE = Set.of("resolved", "closed");

    /** A resolution cycle: from creation or a reopen to the resolution that ended it. */
    record Cycle(int index, Instant start, Instant end) {
    }

    /** A public reply by an agent or the AI that counts as a response. */
    record Response(Instant at, String actorType, String actorId) {
        String responder() {
            return "ai".equals(actorType) ? "ai" : actorId;
        }
    }

    /** How one SLA clock cycle ended: met within its target, or breached. */
    record SlaOutcome(Instant at, String target, boolean met, String businessHours) {
    }

    /** The latest CSAT answer for one resolution. */
    record Rating(Instant at, int rating, String resolverType, String resolverId) {
        String resolver() {
            return "ai".equals(resolverType) ? "ai" : resolverId;
        }
    }

    final Observation created;
    final boolean mergedAway;
    final List<Response> responses = new ArrayList<>();
    final List<Cycle> cycles = new ArrayList<>();
    final List<Instant> reopens = new ArrayList<>();
    /** The resolution that ended the last cycle, when the ticket is resolved or closed now; null otherwise. */
    Observation lastResolution;
    Instant firstEscalation;
    /** When a customer first reopened a resolution of the AI's (its answer did not settle it: a handoff); null if never. */
    Instant aiResolutionReopened;
    final Map<String, Rating> ratingsByResolution = new HashMap<>();
    /** The SLA outcome of each clock cycle, by {@code <target>#<cycle>}: the first one observed (the timer emits one per cycle). */
    final Map<String, SlaOutcome> slaOutcomes = new java.util.TreeMap<>();
    private String assignee;
    private String resolverAtLastResolution;

    TicketTimeline(TicketFacts facts) {
        Observation creation = null;
        boolean merged = false;
        for (Observation o : facts.observations()) {
            if (o.kind() == Kind.CREATED && creation == null) creation = o;
            if (o.kind() == Kind.MERGED && "source".equals(o.field("role"))) merged = true;
        }
        this.created = creation;
        this.mergedAway = merged;
        if (creation == null) return;
        assignee = creation.field("assignee");
        Instant cycleStart = creation.at();
        boolean done = DONE.contains(creation.field("status", "new"));
        if (done) {
            // opened resolved (a conversation the AI resolved, a call settled on the phone): resolved at creation
            cycles.add(new Cycle(0, cycleStart, creation.at()));
            lastResolution = creation;
            resolverAtLastResolution = resolver(creation);
        }
        for (Observation o : facts.observations()) {
            switch (o.kind()) {
                case MESSAGE -> response(o).ifPresent(responses::add);
                case ASSIGNED -> assignee = o.field("to");
                case ESCALATED -> firstEscalation = firstEscalation == null ? o.at() : firstEscalation;
                case CSAT -> rating(o);
                case SLA -> slaOutcome(o);
                case STATUS -> {
                    String to = o.field("to", "");
                    if (!done && DONE.contains(to)) {
                        cycles.add(new Cycle(cycles.size(), cycleStart, o.at()));
                        lastResolution = o;
                        resolverAtLastResolution = resolver(o);
                        done = true;
                    } else if (done && !to.isEmpty() && !DONE.contains(to)) {
                        reopens.add(o.at());
                        if ("ai".equals(resolverAtLastResolution) && aiResolutionReopened == null) aiResolutionReopened = o.at();
                        cycleStart = o.at();
                        lastResolution = null;
                        done = false;
                    }
                }
                default -> { }
            }
        }
    }

    /**
     * A public message by an agent or the AI counts, except the ticket's opening message: messages written
     * with the creation (same instant) are the opening, unless the AI opened the ticket, whose transcript's
     * AI turns are real responses.
     */
    private Optional<Response> response(Observation o) {
        String author = o.field("authorType", "");
        if (!"public".equals(o.field("visibility")) || !(author.equals("agent") || author.equals("ai"))) return Optional.empty();
        boolean inCreationWrite = o.at().equals(created.at());
        boolean aiTranscript = "ai".equals(created.actorType()) && author.equals("ai");
        if (inCreationWrite && !aiTranscript) return Optional.empty();
        return Optional.of(new Response(o.at(), author, o.actorId()));
    }

    /** Who resolved: the actor of the resolution when an agent or the AI; else (auto-close, a rule) the assignee then. */
    private String resolver(Observation resolution) {
        if ("ai".equals(resolution.actorType())) return "ai";
        if ("agent".equals(resolution.actorType()) && resolution.actorId() != null) return resolution.actorId();
        return assignee;
    }

    private void slaOutcome(Observation o) {
        String outcome = o.field("outcome", "");
        if (!outcome.equals("met") && !outcome.equals("breached")) return;
        slaOutcomes.putIfAbsent(o.field("target", "") + "#" + o.field("cycle", ""),
                new SlaOutcome(o.at(), o.field("target"), outcome.equals("met"), o.field("businessHours")));
    }

    private void rating(Observation o) {
        int value;
        try {
            value = Integer.parseInt(o.field("rating", ""));
        } catch (NumberFormatException e) {
            return;
        }
        if (value < 1 || value > 5) return;
        Rating r = new Rating(o.at(), value, o.field("resolvedByType"), o.field("resolvedById"));
        // answering again replaces the earlier answer for the same resolution: the latest one counts
        ratingsByResolution.merge(o.field("resolvedAt", ""), r, (a, b) -> b.at().isBefore(a.at()) ? a : b);
    }

    /**
     * The ticket's SLA calendar as the SLA timer reported it (docs/metrics.md, "Business time"): the calendar of
     * the policy that measured its first response (its firstResponse cycle 1 outcome), else of its earliest SLA
     * outcome; null (around the clock) when the policy had none or no outcome was observed.
     */
    String slaCalendar() {
        SlaOutcome first = slaOutcomes.get(SLA_FIRST_RESPONSE_CYCLE_1);
        if (first != null) return first.businessHours();
        return slaOutcomes.values().stream().min(java.util.Comparator.comparing(SlaOutcome::at))
                .map(SlaOutcome::businessHours).orElse(null);
    }

    private static final String SLA_FIRST_RESPONSE_CYCLE_1 = "firstResponse#1";

    boolean counted() {
        return created != null && !mergedAway;
    }

    boolean resolvedNow() {
        return lastResolution != null;
    }

    String resolver() {
        return resolverAtLastResolution;
    }

    Optional<Response> firstResponse() {
        return responses.stream().findFirst();
    }

    Optional<Response> firstBy(String actorType, Instant notBefore) {
        return responses.stream().filter(r -> r.actorType().equals(actorType) && !r.at().isBefore(notBefore)).findFirst();
    }

    /** The latest value of a ticket field that later events may change (priority, group, store), else the creation's. */
    static String latest(TicketFacts facts, Kind kind, String createdField, String changedField) {
        String value = null;
        for (Observation o : facts.observations()) {
            if (o.kind() == Kind.CREATED && value == null) value = o.field(createdField);
            if (o.kind() == kind) value = o.field(changedField);
            if (o.kind() == Kind.ESCALATED && o.field(createdField) != null) value = o.field(createdField);
        }
        return value;
    }

    /**
     * The ticket's intent now, as triage keeps it (docs/triage.md): the latest an agent set, else the latest the
     * classifier set (a classification under the threshold leaves none), else the creation's. An agent's intent
     * stands even against an automatic one stamped later (triage never writes one after an agent's; a tie or a
     * skewed clock must not flip it).
     */
    static String currentIntent(TicketFacts facts) {
        String created = null;
        Observation auto = null;
        Observation agent = null;
        for (Observation o : facts.observations()) {
            if (o.kind() == Kind.CREATED && created == null) created = o.field("intent");
            if (o.kind() != Kind.INTENT) continue;
            if ("agent".equals(o.field("source"))) agent = o;
            else auto = o;
        }
        if (agent != null) return agent.field("name");
        return auto != null ? auto.field("name") : created;
    }
}
