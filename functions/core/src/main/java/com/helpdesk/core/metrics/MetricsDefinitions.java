package com.helpdesk.core.metrics;

import com.helpdesk.core.metrics.Observation.Kind;
import com.helpdesk.core.sla.BusinessTime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The metric definitions (docs/metrics.md): what one ticket contributes to which day and dimension.
 * A contribution is a pure function of the ticket's facts, so it can be recomputed at any time and the
 * difference to the previous one applied to the aggregates.
 */
public final class MetricsDefinitions {
    /** The ticket dimensions every figure of a ticket is counted under, besides {@code all}. */
    public static final List<String> TICKET_DIMENSIONS = List.of("channel", "priority", "group", "intent", "store");
    public static final String UNKNOWN = "none";

    private final ZoneId zone;
    private final Function<String, BusinessTime> calendars;

    /** Every ticket's business time under {@code businessTime}, whatever its SLA calendar. */
    public MetricsDefinitions(ZoneId zone, BusinessTime businessTime) {
        this(zone, calendarId -> businessTime);
        Objects.requireNonNull(businessTime, "businessTime");
    }

    /**
     * @param calendars the business-time arithmetic of an SLA calendar id, null meaning around the clock (the SLA
     *                  capability's {@code SlaSettings::businessTime}: one arithmetic for the clocks and the metrics)
     */
    public MetricsDefinitions(ZoneId zone, Function<String, BusinessTime> calendars) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    public ZoneId zone() {
        return zone;
    }

    /** What the ticket adds to each aggregate; empty before its creation is known and for a ticket merged into another. */
    public SortedMap<AggregateKey, Delta> contribution(TicketFacts facts) {
        TicketTimeline t = new TicketTimeline(facts);
        Builder b = new Builder(ticketDimensions(facts));
        if (!t.counted()) return b.deltas;
        Instant created = t.created.at();
        b.count(created, Counter.CREATED, 1, null);
        t.firstResponse().ifPresent(r -> {
            b.duration(r.at(), DurationMetric.FIRST_RESPONSE, seconds(created, r.at()), r.responder());
            BusinessTime calendar = calendars.apply(t.slaCalendar());
            b.duration(r.at(), DurationMetric.FIRST_RESPONSE_BUSINESS, calendar.between(created, r.at()).toSeconds(), r.responder());
        });
        for (TicketTimeline.Cycle c : t.cycles) b.duration(c.end(), DurationMetric.RESOLUTION_CYCLE, seconds(c.start(), c.end()), null);
        for (Instant reopen : t.reopens) b.count(reopen, Counter.REOPENED, 1, null);
        if (t.firstEscalation != null) b.count(t.firstEscalation, Counter.ESCALATED, 1, null);
        if (t.resolvedNow()) resolution(t, b);
        for (TicketTimeline.Rating r : t.ratingsByResolution.values()) {
            b.count(r.at(), Counter.CSAT_RESPONSES, 1, r.resolver());
            b.count(r.at(), Counter.CSAT_RATING_SUM, r.rating(), r.resolver());
            if (r.rating() >= 4) b.count(r.at(), Counter.CSAT_SATISFIED, 1, r.resolver());
        }
        ai(t, b);
        for (TicketTimeline.SlaOutcome o : t.slaOutcomes.values()) {
            Counter perTarget = Counter.sla(o.target(), o.met());
            if (perTarget == null) continue;
            b.count(o.at(), o.met() ? Counter.SLA_MET : Counter.SLA_BREACHED, 1, null);
            b.count(o.at(), perTarget, 1, null);
        }
        return b.deltas;
    }

    private void resolution(TicketTimeline t, Builder b) {
        Instant at = t.lastResolution.at();
        String resolver = t.resolver();
        b.count(at, Counter.RESOLVED, 1, resolver);
        b.duration(at, DurationMetric.RESOLUTION, seconds(t.created.at(), at), resolver);
        long replies = t.responses.stream().filter(r -> !r.at().isAfter(at)).count();
        if (replies == 1) b.count(at, Counter.ONE_TOUCH, 1, resolver);
    }

    /**
     * Handled: the AI replied in public. Handed off: a human replied in public after it, or the customer reopened the
     * AI's resolution (wrote back after its answer), whichever came first. Deflected: resolved with neither.
     */
    private void ai(TicketTimeline t, Builder b) {
        t.firstBy("ai", t.created.at()).ifPresent(first -> {
            b.count(first.at(), Counter.AI_HANDLED, 1, "ai");
            Instant human = t.firstBy("agent", first.at()).map(TicketTimeline.Response::at).orElse(null);
            Instant reopened = t.aiResolutionReopened != null && !t.aiResolutionReopened.isBefore(first.at()) ? t.aiResolutionReopened : null;
            Instant handoff = human == null ? reopened : reopened == null || human.isBefore(reopened) ? human : reopened;
            if (handoff != null) b.count(handoff, Counter.AI_HANDED_OFF, 1, "ai");
            else if (t.resolvedNow()) b.count(t.lastResolution.at(), Counter.AI_DEFLECTED, 1, "ai");
        });
    }

    private List<String> ticketDimensions(TicketFacts facts) {
        Observation created = facts.observations().stream().filter(o -> o.kind() == Kind.CREATED).findFirst().orElse(null);
        List<String> dims = new ArrayList<>();
        dims.add(AggregateKey.ALL);
        if (created == null) return dims;
        dims.add(AggregateKey.dimension("channel", value(created.field("channel"))));
        dims.add(AggregateKey.dimension("priority", value(TicketTimeline.latest(facts, Kind.PRIORITY, "priority", "to"))));
        dims.add(AggregateKey.dimension("group", value(TicketTimeline.latest(facts, Kind.GROUP, "group", "to"))));
        dims.add(AggregateKey.dimension("intent", value(TicketTimeline.currentIntent(facts))));
        dims.add(AggregateKey.dimension("store", value(TicketTimeline.latest(facts, Kind.STORE, "store", "store"))));
        return dims;
    }

    private static String value(String v) {
        return v == null || v.isBlank() ? UNKNOWN : v;
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** Spreads each figure over the ticket's dimensions on its day, and over the agent it is attributed to. */
    private final class Builder {
        final SortedMap<AggregateKey, Delta> deltas = new TreeMap<>();
        final List<String> dimensions;

        Builder(List<String> dimensions) {
            this.dimensions = dimensions;
        }

        void count(Instant at, Counter counter, long n, String agent) {
            for (AggregateKey k : keys(at, agent)) deltas.computeIfAbsent(k, x -> new Delta()).count(counter, n);
        }

        void duration(Instant at, DurationMetric metric, long seconds, String agent) {
            for (AggregateKey k : keys(at, agent)) deltas.computeIfAbsent(k, x -> new Delta()).duration(metric, seconds);
        }

        private List<AggregateKey> keys(Instant at, String agent) {
            var day = at.atZone(zone).toLocalDate();
            List<AggregateKey> keys = new ArrayList<>();
            for (String d : dimensions) keys.add(new AggregateKey(day, d));
            if (agent != null && !agent.isBlank()) keys.add(new AggregateKey(day, AggregateKey.dimension("agent", agent)));
            return keys;
        }
    }

    /** Every key either contribution touches whose delta differs: the aggregates a change must rewrite. */
    public static List<AggregateKey> changedKeys(Map<AggregateKey, Delta> old, Map<AggregateKey, Delta> neu) {
        TreeMap<AggregateKey, Boolean> keys = new TreeMap<>();
        old.keySet().forEach(k -> keys.put(k, true));
        neu.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet().stream().filter(k -> !Objects.equals(old.get(k), neu.get(k))).toList();
    }
}
