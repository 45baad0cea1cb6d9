package com.helpdesk.store;

import com.helpdesk.core.metrics.AggregateKey;
import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.DailyAggregate;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.Durations;
import com.helpdesk.core.metrics.MetricsGenerations;
import com.helpdesk.core.metrics.Observation;
import com.helpdesk.core.metrics.TicketFacts;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item shapes of the metrics capability (docs/access-patterns.md, "Metrics"): a ticket's facts at
 * {@code METRICS#TICKET#<ticketId>} / {@code FACTS}, an aggregate at {@code METRICS#<day>} /
 * {@code <dimension>#<value>}, a day's backlog census beside them at {@code METRICS#<day>} /
 * {@code BACKLOG#<dimension>#<value>}; a rebuilt generation's facts and aggregates under {@code METRICS#G<g>#...},
 * the generations state at {@code METRICS#GENERATIONS} / {@code STATE}. Kept apart from the ticket's own collection: metrics never reach into it.
 */
final class MetricsItems {
    static final String TYPE_FACTS = "MetricsTicketFacts";
    static final String TYPE_AGGREGATE = "MetricsAggregate";
    static final String FACTS_SK = "FACTS";
    static final String TYPE_BACKLOG = "MetricsBacklog";
    static final String BACKLOG_PREFIX = "BACKLOG#";

    private MetricsItems() {
    }

    static final String TYPE_GENERATIONS = "MetricsGenerations";
    static final Map<String, AttributeValue> GENERATIONS_KEY = Map.of("PK", ItemMapper.s("METRICS#GENERATIONS"), "SK", ItemMapper.s("STATE"));

    /** Generation 0's items keep the keys they had before rebuilds existed; generation g's are prefixed {@code METRICS#G<g>#}. */
    private static String prefix(int generation) {
        return generation == 0 ? "METRICS#" : "METRICS#G" + generation + "#";
    }

    static String factsPk(int generation, String ticketId) {
        return prefix(generation) + "TICKET#" + ticketId;
    }

    static String dayPk(int generation, LocalDate day) {
        return prefix(generation) + day;
    }

    static Map<String, AttributeValue> factsKey(int generation, String ticketId) {
        return Map.of("PK", ItemMapper.s(factsPk(generation, ticketId)), "SK", ItemMapper.s(FACTS_SK));
    }

    static Map<String, AttributeValue> aggregateKey(int generation, AggregateKey k) {
        return Map.of("PK", ItemMapper.s(dayPk(generation, k.day())), "SK", ItemMapper.s(k.dimension()));
    }

    static Map<String, AttributeValue> generationsItem(MetricsGenerations g, long version) {
        List<AttributeValue> spans = new ArrayList<>();
        for (MetricsGenerations.Span s : g.spans()) spans.add(AttributeValue.fromM(span(s)));
        Map<String, AttributeValue> item = new HashMap<>(GENERATIONS_KEY);
        item.put("type", ItemMapper.s(TYPE_GENERATIONS));
        item.put("version", ItemMapper.n(version));
        item.put("latest", ItemMapper.n(g.latest()));
        item.put("spans", AttributeValue.fromL(spans));
        if (g.building() != null) item.put("building", AttributeValue.fromM(span(g.building())));
        return item;
    }

    private static Map<String, AttributeValue> span(MetricsGenerations.Span s) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("generation", ItemMapper.n(s.generation()));
        m.put("from", ItemMapper.s(s.from().toString()));
        if (s.to() != null) m.put("to", ItemMapper.s(s.to().toString()));
        return m;
    }

    static MetricsGenerations generations(Map<String, AttributeValue> item) {
        List<MetricsGenerations.Span> spans = new ArrayList<>();
        for (AttributeValue v : item.get("spans").l()) spans.add(span(v.m()));
        MetricsGenerations.Span building = item.containsKey("building") ? span(item.get("building").m()) : null;
        return new MetricsGenerations(spans, building, Integer.parseInt(item.get("latest").n()), Long.parseLong(item.get("version").n()));
    }

    private static MetricsGenerations.Span span(Map<String, AttributeValue> m) {
        return new MetricsGenerations.Span(Integer.parseInt(m.get("generation").n()), LocalDate.parse(m.get("from").s()),
                m.containsKey("to") ? LocalDate.parse(m.get("to").s()) : null);
    }

    static Map<String, AttributeValue> factsItem(int generation, TicketFacts facts, long version) {
        List<AttributeValue> observations = new ArrayList<>();
        for (Observation o : facts.observations()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("id", ItemMapper.s(o.eventId()));
            m.put("kind", ItemMapper.s(o.kind().name()));
            m.put("at", ItemMapper.s(o.at().toString()));
            m.put("actorType", ItemMapper.s(o.actorType()));
            if (o.actorId() != null) m.put("actorId", ItemMapper.s(o.actorId()));
            Map<String, AttributeValue> fields = new HashMap<>();
            o.fields().forEach((k, v) -> {
                if (v != null) fields.put(k, ItemMapper.s(v));
            });
            m.put("fields", AttributeValue.fromM(fields));
            observations.add(AttributeValue.fromM(m));
        }
        Map<String, AttributeValue> item = new HashMap<>(factsKey(generation, facts.ticketId()));
        item.put("type", ItemMapper.s(TYPE_FACTS));
        item.put("ticketId", ItemMapper.s(facts.ticketId()));
        item.put("version", ItemMapper.n(version));
        item.put("observations", AttributeValue.fromL(observations));
        return item;
    }

    static TicketFacts facts(Map<String, AttributeValue> item) {
        List<Observation> observations = new ArrayList<>();
        for (AttributeValue v : item.get("observations").l()) {
            Map<String, AttributeValue> m = v.m();
            Map<String, String> fields = new HashMap<>();
            m.get("fields").m().forEach((k, f) -> fields.put(k, f.s()));
            observations.add(new Observation(m.get("id").s(), Observation.Kind.valueOf(m.get("kind").s()), Instant.parse(m.get("at").s()),
                    m.get("actorType").s(), m.containsKey("actorId") ? m.get("actorId").s() : null, fields));
        }
        return new TicketFacts(item.get("ticketId").s(), observations);
    }

    static Map<String, AttributeValue> aggregateItem(int generation, DailyAggregate a, long version) {
        Map<String, AttributeValue> counters = new HashMap<>();
        a.counters().forEach((c, n) -> counters.put(c.name(), ItemMapper.n(n)));
        Map<String, AttributeValue> durations = new HashMap<>();
        a.allDurations().forEach((m, h) -> durations.put(m.name(), AttributeValue.fromB(SdkBytes.fromByteArray(Durations.encode(h)))));
        Map<String, AttributeValue> item = new HashMap<>(aggregateKey(generation, a.key()));
        item.put("type", ItemMapper.s(TYPE_AGGREGATE));
        item.put("version", ItemMapper.n(version));
        item.put("counters", AttributeValue.fromM(counters));
        item.put("durations", AttributeValue.fromM(durations));
        return item;
    }

    static DailyAggregate aggregate(Map<String, AttributeValue> item) {
        String pk = item.get("PK").s();
        LocalDate day = LocalDate.parse(pk.substring(pk.lastIndexOf('#') + 1));
        EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
        item.get("counters").m().forEach((c, n) -> counters.put(Counter.valueOf(c), Long.parseLong(n.n())));
        EnumMap<DurationMetric, Histogram> durations = new EnumMap<>(DurationMetric.class);
        item.get("durations").m().forEach((m, b) -> durations.put(DurationMetric.valueOf(m), Durations.decode(b.b().asByteArray())));
        return new DailyAggregate(new AggregateKey(day, item.get("SK").s()), counters, durations, Long.parseLong(item.get("version").n()));
    }

    static Map<String, AttributeValue> backlogItem(Backlog b) {
        Map<String, AttributeValue> ages = new HashMap<>();
        b.ages().forEach((age, n) -> ages.put(age.wire(), ItemMapper.n(n)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", ItemMapper.s(dayPk(0, b.day())));
        item.put("SK", ItemMapper.s(BACKLOG_PREFIX + b.dimension()));
        item.put("type", ItemMapper.s(TYPE_BACKLOG));
        item.put("takenAt", ItemMapper.s(b.takenAt().toString()));
        item.put("new", ItemMapper.n(b.fresh()));
        item.put("open", ItemMapper.n(b.open()));
        item.put("pending", ItemMapper.n(b.pending()));
        item.put("ages", AttributeValue.fromM(ages));
        return item;
    }

    static Backlog backlog(Map<String, AttributeValue> item) {
        LocalDate day = LocalDate.parse(item.get("PK").s().substring("METRICS#".length()));
        Map<Backlog.Age, Long> ages = new EnumMap<>(Backlog.Age.class);
        item.get("ages").m().forEach((age, n) -> ages.put(Backlog.Age.parse(age), Long.parseLong(n.n())));
        return new Backlog(day, item.get("SK").s().substring(BACKLOG_PREFIX.length()), Instant.parse(item.get("takenAt").s()),
                Long.parseLong(item.get("new").n()), Long.parseLong(item.get("open").n()), Long.parseLong(item.get("pending").n()), ages);
    }
}
