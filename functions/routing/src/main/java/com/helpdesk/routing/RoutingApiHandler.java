package com.helpdesk.routing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.agents.Agents;
import com.helpdesk.core.routing.RoutingRules;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

/** The agents and routing-rules API (RoutingRoutes): decodes, calls, encodes. */
public final class RoutingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
