package com.helpdesk.api;

import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.http.HttpApiEvents;
import com.helpdesk.http.PrimingRequests;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Lambda entry point of the agents' ticket API (every route of TicketRoutes). */
public final class TicketApiHandler implements RequestStreamHandler {
    private final Router router;
    private final RequestDeadline deadline;

    /** Used by Lambda: clients are built once, at init (and captured by SnapStart). */
    public TicketApiHandler() {
        this(TicketApiWiring.fromEnvironment());
        SnapStartPriming.register(this::prime);
    }

    private TicketApiHandler(TicketApiWiring wiring) {
        this(TicketRoutes.router(wiring.tickets(), wiring.surveys(), wiring.files(), wiring.channels(), wiring.sla(), wiring.orders(), wiring.intents()),
                wiring.deadline());
    }

    public TicketApiHandler(TicketDesk tickets, CsatService surveys, FileStore files, ChannelService channels, TicketSlaQueries sla,
                            OrderContextReads orders, IntentRecords intents) {
        this(TicketRoutes.router(tickets, surveys, files, channels, sla, orders, intents), new RequestDeadline());
    }

    private TicketApiHandler(Router router, RequestDeadline deadline) {
        this.router = router;
        this.deadline = deadline;
    }

    /** SnapStart priming, read-only: a ticket that does not exist (404) and the first page of the queue view. */
    private void prime() {
        PrimingRequests.get(router, "GET /tickets/{id}", "/tickets/" + PrimingRequests.NO_TICKET);
        PrimingRequests.get(router, "GET /tickets", "/tickets?limit=1");
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (HttpApiEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiEvents.serve(input, output, event -> handle(event, context));
    }

    /** One request, read. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        // lost races on a ticket are retried until shortly before this request must be answered
        deadline.start(context);
        return Invocation.handle(context, () -> router.handle(event));
    }
}
