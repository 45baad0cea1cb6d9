package com.helpdesk.metrics;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

/** The metrics API (GET /metrics, GET /metrics/agents): decodes, asks the aggregates, encodes. */
public final class MetricsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public MetricsApiHandler() {
        this(MetricsWiring.fromEnvironment().query());
        SnapStartPriming.register(() -> PrimingRequests.get(router, "GET /metrics", "/metrics")); // SnapStart priming, read-only
    }

    public MetricsApiHandler(MetricsQuery query) {
        this.router = new MetricsRoutes(query).router();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
