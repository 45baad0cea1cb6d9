package com.helpdesk.csat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.LambdaEnvironment;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;

import java.time.Duration;

/** Lambda entry point of the public survey pages a resolution email or chat message links to. */
public final class CsatSurveyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public CsatSurveyHandler() {
        this(DynamoDbTicketRepository.fromEnvironment());
    }

    private CsatSurveyHandler(DynamoDbTicketRepository repository) {
        this(new CsatService(repository, new CsatToken(repository.secret("csat-key")), new UlidGenerator(RuntimeClock.get()),
                RuntimeClock.get(), Duration.ofDays(Long.parseLong(LambdaEnvironment.get("CSAT_WINDOW_DAYS").orElse("7")))));
    }

    public CsatSurveyHandler(CsatService surveys) {
        this.router = SurveyRoutes.router(surveys);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
