package com.helpdesk.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;

/** Lambda entry point of the agents' ticket API (every route of TicketRoutes). */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Used by Lambda: clients are built once, at init (and captured by SnapStart). */
    public TicketApiHandler() {
        this(new TicketService(DynamoDbTicketRepository.fromEnvironment(), new UlidGenerator(RuntimeClock.get()),
                RuntimeClock.get()));
    }

    public TicketApiHandler(TicketService tickets) {
        this.router = TicketRoutes.router(tickets);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
