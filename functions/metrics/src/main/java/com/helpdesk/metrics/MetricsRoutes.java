package com.helpdesk.metrics;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.core.metrics.MetricsRequest;
import com.helpdesk.core.metrics.MetricsRow;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.Router;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /metrics and GET /metrics/agents. Leads and admins read every figure; an agent reads their own:
 * /metrics only with {@code agent=<their id>}, /metrics/agents answers their row alone.
 */
final class MetricsRoutes {
    static final String LEAD = "lead";
    static final Set<String> READERS = Set.of("agent", LEAD, Caller.ADMIN);
    private static final Set<String> SERIES_PARAMETERS = Set.of("from", "to", "groupBy", "channel", "agent", "intent");
    private static final Set<String> AGENT_PARAMETERS = Set.of("from", "to");

    private final MetricsQuery query;

    MetricsRoutes(MetricsQuery query) {
        this.query = query;
    }

    Router router() {
        return new Router()
                .route("GET /metrics", READERS, this::series)
                .route("GET /metrics/agents", READERS, this::agents);
    }

    private ApiResponse series(ApiRequest req) {
        Map<String, String> params = parameters(req, SERIES_PARAMETERS);
        MetricsRequest request = MetricsRequest.parse(params);
        Caller caller = req.caller();
        if (!readsAll(caller) && (!caller.subject().equals(request.filterValue()) || !"agent".equals(request.filterDimension()))) {
            throw new HttpProblem(403, "forbidden", "Forbidden", "an agent reads their own figures: add agent=" + caller.subject()
                    + " (leads and admins read the team's)");
        }
        Map<String, Object> doc = MetricsRepresentation.series(query.report(request));
        return answer(req, doc, "series");
    }

    private ApiResponse agents(ApiRequest req) {
        Map<String, String> params = parameters(req, AGENT_PARAMETERS);
        MetricsRequest range = MetricsRequest.parse(params);
        MetricsQuery.Report report = query.agents(range.from(), range.to());
        if (!readsAll(req.caller())) {
            List<MetricsRow> own = report.rows().stream().filter(r -> r.key().equals(req.caller().subject())).toList();
            report = new MetricsQuery.Report(report.from(), report.to(), report.timezone(), own);
        }
        return answer(req, MetricsRepresentation.agents(report), "agents");
    }

    private static boolean readsAll(Caller caller) {
        return caller.roles().contains(Caller.ADMIN) || caller.roles().contains(LEAD);
    }

    /** The query string, refusing parameters the route does not know (a typo would otherwise be silently ignored). */
    private static Map<String, String> parameters(ApiRequest req, Set<String> known) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, String> e : req.queryParameters().entrySet()) {
            if (!known.contains(e.getKey())) throw new ValidationException(e.getKey(), "unknown parameter; known: " + String.join(", ", known.stream().sorted().toList()));
            params.put(e.getKey(), e.getValue());
        }
        return params;
    }

    private static ApiResponse answer(ApiRequest req, Map<String, Object> doc, String rowsName) {
        String accept = req.header("Accept");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")) {
            return ApiResponse.status(200).header("Content-Type", "text/csv; charset=utf-8").body(MetricsRepresentation.csv(doc, rowsName));
        }
        return ApiResponse.json(200, doc);
    }
}
