package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
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

    /** Used by Lambda: the model and the table's client built once, at init (and captured by SnapStart). */
    public IntentsApiHandler() {
        this(TriageWiring.forApi().triage());
        SnapStartPriming.register(this::prime);
    }

    public IntentsApiHandler(IntentTriage triage) {
        this.router = IntentRoutes.router(triage);
    }

    /**
     * SnapStart priming: a customer's words in each of the model's languages through the route (each language's analyzer
     * is built on its first text). A classification stores nothing.
     */
    private void prime() {
        for (String text : new String[]{"Where is my order 4001?", "Wo ist meine Bestellung 4001?", "Où est ma commande 4001 ?",
                "¿Dónde está mi pedido 4001?"}) {
            PrimingRequests.postToRouteThatStoresNothing(router, "POST /intents/classify", "/intents/classify",
                    "{\"subject\":\"\",\"text\":\"" + text + "\"}");
        }
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
