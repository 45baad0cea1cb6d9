package com.helpdesk.slaadmin;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Lambda entry point of the SLA admin API (SlaAdminRoutes); the composition root of the function. */
public final class SlaAdminHandler implements RequestStreamHandler {
    private final Router router;

    /** Used by Lambda: configuration read and clients built once, at init (and captured by SnapStart). */
    public SlaAdminHandler() {
        this(SlaAdminWiring.fromEnvironment());
        // SnapStart priming, read-only: the calendars and the SLA of a ticket that does not exist
        SnapStartPriming.register(() -> {
            PrimingRequests.get(router, "GET /business-hours", "/business-hours");
            PrimingRequests.get(router, "GET /tickets/{id}/sla", "/tickets/" + PrimingRequests.NO_TICKET + "/sla");
        });
    }

    private SlaAdminHandler(SlaAdminWiring wiring) {
        this(wiring.settings(), wiring.tickets(), wiring.clock());
    }

    public SlaAdminHandler(SlaSettings settings, TicketSlaStore tickets, Clock clock) {
        this.router = SlaAdminRoutes.router(settings, tickets, clock);
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
