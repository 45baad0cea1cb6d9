package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.triage.IntentTriage;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

/** The intents API (IntentRoutes): decodes, calls, encodes. The model is read once, when the function starts. */
public final class IntentsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public IntentsApiHandler() {
        this(TriageWiring.forApi().triage());
    }

    public IntentsApiHandler(IntentTriage triage) {
        this.router = IntentRoutes.router(triage);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
