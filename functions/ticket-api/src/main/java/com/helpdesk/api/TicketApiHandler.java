package com.helpdesk.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.CsatSurveys;
import com.helpdesk.store.DynamoDbTicketRepository;

/** Lambda entry point of the agents' ticket API (every route of TicketRoutes). */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Used by Lambda: clients are built once, at init (and captured by SnapStart). */
    public TicketApiHandler() {
        this(DynamoDbTicketRepository.fromEnvironment());
    }

    private TicketApiHandler(DynamoDbTicketRepository repository) {
        this(TicketDesk.wire(repository, new UlidGenerator(RuntimeClock.get()), RuntimeClock.get()),
                CsatSurveys.fromEnvironment(repository), com.helpdesk.files.S3FileStore.fromEnvironment(),
                new com.helpdesk.core.chat.ChannelService(com.helpdesk.store.DynamoDbChannelRepository.fromEnvironment(),
                        com.helpdesk.secrets.SsmSecretStore.fromEnvironment(), com.helpdesk.runtime.LambdaEnvironment.require("SECRETS_PREFIX"),
                        RuntimeClock.get()));
    }

    public TicketApiHandler(TicketDesk tickets, CsatService surveys, com.helpdesk.core.port.FileStore files,
                            com.helpdesk.core.chat.ChannelService channels) {
        this.router = TicketRoutes.router(tickets, surveys, files, channels);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
