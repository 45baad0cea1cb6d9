package com.helpdesk.metrics;

import com.helpdesk.core.metrics.Backlog;
import com.helpdesk.core.metrics.Counter;
import com.helpdesk.core.metrics.Distribution;
import com.helpdesk.core.metrics.DurationMetric;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.core.metrics.MetricsRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of reports (openapi.yaml, MetricsReport and AgentMetrics): nested JSON, or CSV with one
 * column per leaf ({@code firstResponse.median}). Durations in seconds. Backlog figures are null on days
 * without a census (docs/metrics.md).
 */
final class MetricsRepresentation {
    private MetricsRepresentation() {
    }

    static Map<String, Object> series(MetricsQuery.Report report) {
        List<Object> rows = new ArrayList<>();
        for (MetricsRow r : report.rows()) rows.add(seriesRow(r));
        return document(report, "series", rows);
    }

    static Map<String, Object> agents(MetricsQuery.Report report) {
        List<Object> rows = new ArrayList<>();
        for (MetricsRow r : report.rows()) rows.add(agentRow(r));
        return document(report, "agents", rows);
    }

    private static Map<String, Object> document(MetricsQuery.Report report, String name, List<Object> rows) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", report.from().toString());
        doc.put("to", report.to().toString());
        doc.put("timezone", report.timezone().getId());
        doc.put(name, rows);
        return doc;
    }

    private static Map<String, Object> seriesRow(MetricsRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        m.put("created", r.count(Counter.CREATED));
        m.put("resolved", r.count(Counter.RESOLVED));
        m.put("reopened", r.count(Counter.REOPENED));
        m.put("escalated", r.count(Counter.ESCALATED));
        m.put("firstResponse", distribution(r.distribution(DurationMetric.FIRST_RESPONSE)));
        m.put("firstResponseBusiness", distribution(r.distribution(DurationMetric.FIRST_RESPONSE_BUSINESS)));
        m.put("resolution", distribution(r.distribution(DurationMetric.RESOLUTION)));
        // a reopened ticket's cycles one by one (its full time is in resolution): not attributed to anyone, so no agent column
        m.put("resolutionPerCycle", distribution(r.distribution(DurationMetric.RESOLUTION_CYCLE)));
        Map<String, Object> csat = new LinkedHashMap<>();
        csat.put("responses", r.count(Counter.CSAT_RESPONSES));
        csat.put("average", r.csatAverage());
        csat.put("satisfiedShare", r.csatSatisfiedShare());
        m.put("csat", csat);
        m.put("sla", sla(r));
        m.put("ai", ai(r, false));
        m.put("backlog", backlog(r.backlog()));
        return m;
    }

    private static Map<String, Object> agentRow(MetricsRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", r.key());
        m.put("firstResponse", distribution(r.distribution(DurationMetric.FIRST_RESPONSE)));
        m.put("firstResponseBusiness", distribution(r.distribution(DurationMetric.FIRST_RESPONSE_BUSINESS)));
        m.put("resolved", r.count(Counter.RESOLVED));
        m.put("oneTouch", r.count(Counter.ONE_TOUCH));
        m.put("resolution", distribution(r.distribution(DurationMetric.RESOLUTION)));
        Map<String, Object> csat = new LinkedHashMap<>();
        csat.put("responses", r.count(Counter.CSAT_RESPONSES));
        csat.put("average", r.csatAverage());
        csat.put("satisfiedShare", r.csatSatisfiedShare());
        csat.put("responseRate", r.csatResponseRate());
        m.put("csat", csat);
        m.put("ai", "ai".equals(r.key()) ? ai(r, true) : null);
        m.put("backlog", backlog(r.backlog()));
        return m;
    }

    /** SLA cycles met within their target and breached, in all and per target (SlaMet, SlaBreached). */
    private static Map<String, Object> sla(MetricsRow r) {
        Map<String, Object> sla = new LinkedHashMap<>();
        sla.put("met", r.count(Counter.SLA_MET));
        sla.put("breached", r.count(Counter.SLA_BREACHED));
        Map<String, Object> byTarget = new LinkedHashMap<>();
        for (String target : List.of("firstResponse", "nextResponse", "resolution")) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("met", r.count(Counter.sla(target, true)));
            one.put("breached", r.count(Counter.sla(target, false)));
            byTarget.put(target, one);
        }
        sla.put("byTarget", byTarget);
        return sla;
    }

    private static Map<String, Object> ai(MetricsRow r, boolean withRate) {
        Map<String, Object> ai = new LinkedHashMap<>();
        ai.put("handled", r.count(Counter.AI_HANDLED));
        ai.put("deflected", r.count(Counter.AI_DEFLECTED));
        ai.put("handedOff", r.count(Counter.AI_HANDED_OFF));
        if (withRate) ai.put("deflectionRate", r.deflectionRate());
        return ai;
    }

    /** The census of the row's last day; every figure null when none was taken (so CSV columns stay the same). */
    private static Map<String, Object> backlog(Backlog b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", b == null ? null : b.total());
        m.put("new", b == null ? null : b.fresh());
        m.put("open", b == null ? null : b.open());
        m.put("pending", b == null ? null : b.pending());
        Map<String, Object> ages = new LinkedHashMap<>();
        for (Backlog.Age age : Backlog.Age.values()) ages.put(age.wire(), b == null ? null : b.count(age));
        m.put("ages", ages);
        m.put("takenAt", b == null ? null : b.takenAt().toString());
        return m;
    }

    private static Map<String, Object> distribution(Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", d.count());
        m.put("median", d.median());
        m.put("p90", d.p90());
        m.put("p95", d.p95());
        return m;
    }

    /** CSV (RFC 4180) of a document's rows: a header of dotted leaf names, then one line per row. */
    @SuppressWarnings("unchecked")
    static String csv(Map<String, Object> document, String rowsName) {
        List<Object> rows = (List<Object>) document.get(rowsName);
        List<String> header = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (Object row : rows) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", (Map<String, Object>) row, flat);
            if (header.isEmpty()) header.addAll(flat.keySet());
            lines.add(header.stream().map(h -> flat.getOrDefault(h, "")).toList());
        }
        StringBuilder out = new StringBuilder();
        if (header.isEmpty()) header.addAll(emptyHeader(rowsName));
        out.append(String.join(",", header.stream().map(MetricsRepresentation::cell).toList())).append("\r\n");
        for (List<String> line : lines) out.append(String.join(",", line.stream().map(MetricsRepresentation::cell).toList())).append("\r\n");
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, String> out) {
        node.forEach((k, v) -> {
            if (v instanceof Map<?, ?> child) flatten(prefix + k + ".", (Map<String, Object>) child, out);
            else if (!(v == null && k.equals("ai"))) out.put(prefix + k, v == null ? "" : String.valueOf(v));
        });
    }

    private static List<String> emptyHeader(String rowsName) {
        return rowsName.equals("agents") ? List.of("agent") : List.of("key");
    }

    private static String cell(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
