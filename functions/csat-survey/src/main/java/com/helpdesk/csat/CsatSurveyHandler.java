package com.helpdesk.csat;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.http.Router;

/** Lambda entry point of the public survey pages a resolution email or chat message links to. */
public final class CsatSurveyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public CsatSurveyHandler() {
        this(CsatSurveyWiring.fromEnvironment().surveys());
        // SnapStart priming, read-only: a link whose signature does not verify answers its error page
        SnapStartPriming.register(() -> PrimingRequests.get(router, "GET /csat/{token}", "/csat/snapstart.priming"));
    }

    public CsatSurveyHandler(CsatService surveys) {
        this.router = SurveyRoutes.router(surveys);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
