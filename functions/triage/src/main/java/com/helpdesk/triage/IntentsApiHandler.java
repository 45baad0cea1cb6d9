package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.triage.IntentTriage;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The intents API (IntentRoutes): decodes, calls, encodes. The model is read once, when the function starts. */
public final class IntentsApiHandler implements RequestStreamHandler {
    private final Router router;

    public IntentsApiHandler() {
        this(TriageWiring.forApi().triage());
    }

    public IntentsApiHandler(IntentTriage triage) {
        this.router = IntentRoutes.router(triage);
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
