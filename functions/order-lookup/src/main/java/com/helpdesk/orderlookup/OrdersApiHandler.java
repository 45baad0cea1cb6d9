package com.helpdesk.orderlookup;

import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.orders.OrderLookup;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;

/** The stores admin API and the customer profile (OrderRoutes): decodes, calls, encodes. */
public final class OrdersApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
