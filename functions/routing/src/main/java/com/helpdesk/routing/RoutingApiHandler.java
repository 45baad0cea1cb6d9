package com.helpdesk.routing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.agents.Agents;
import com.helpdesk.core.routing.RoutingRules;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The agents and routing-rules API (RoutingRoutes): decodes, calls, encodes. */
public final class RoutingApiHandler implements RequestStreamHandler {
    private final Router router;

    public RoutingApiHandler() {
        this(RoutingWiring.forApi());
    }

    private RoutingApiHandler(RoutingWiring wiring) {
        this(wiring.agents(), wiring.rules());
    }

    public RoutingApiHandler(Agents agents, RoutingRules rules) {
        this.router = RoutingRoutes.router(agents, rules);
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
