package com.helpdesk.csat;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Lambda entry point of the public survey pages a resolution email or chat message links to. */
public final class CsatSurveyHandler implements RequestStreamHandler {
    private final Router router;

    public CsatSurveyHandler() {
        this(CsatSurveyWiring.fromEnvironment().surveys());
        // SnapStart priming, read-only: a link whose signature does not verify answers its error page
        SnapStartPriming.register(() -> PrimingRequests.get(router, "GET /csat/{token}", "/csat/snapstart.priming"));
    }

    public CsatSurveyHandler(CsatService surveys) {
        this.router = SurveyRoutes.router(surveys);
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
