package com.helpdesk.orderlookup;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.orders.OrderLookup;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The stores admin API and the customer profile (OrderRoutes): decodes, calls, encodes. */
public final class OrdersApiHandler implements RequestStreamHandler {
    private final Router router;

    public OrdersApiHandler() {
        this(OrderLookupWiring.forApi());
        SnapStartPriming.register(() -> PrimingRequests.get(router, "GET /stores", "/stores")); // SnapStart priming, read-only
    }

    private OrdersApiHandler(OrderLookupWiring wiring) {
        this(wiring.stores(), wiring.lookup(), wiring.desk().queries());
    }

    public OrdersApiHandler(StoreService stores, OrderLookup lookup, TicketQueries tickets) {
        this.router = OrderRoutes.router(stores, lookup, tickets);
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
