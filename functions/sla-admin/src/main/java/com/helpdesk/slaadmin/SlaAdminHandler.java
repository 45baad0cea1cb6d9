package com.helpdesk.slaadmin;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

import java.time.Clock;

/** Lambda entry point of the SLA admin API (SlaAdminRoutes); the composition root of the function. */
public final class SlaAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
