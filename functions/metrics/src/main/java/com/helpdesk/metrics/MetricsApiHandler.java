package com.helpdesk.metrics;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The metrics API (GET /metrics, GET /metrics/agents): decodes, asks the aggregates, encodes. */
public final class MetricsApiHandler implements RequestStreamHandler {
    private final Router router;

    public MetricsApiHandler() {
        this(MetricsWiring.fromEnvironment().query());
        SnapStartPriming.register(() -> PrimingRequests.get(router, "GET /metrics", "/metrics")); // SnapStart priming, read-only
    }

    public MetricsApiHandler(MetricsQuery query) {
        this.router = new MetricsRoutes(query).router();
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (HttpApiEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiEvents.serve(input, output, event -> handle(event, context));
    }

    /** One request, read. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
