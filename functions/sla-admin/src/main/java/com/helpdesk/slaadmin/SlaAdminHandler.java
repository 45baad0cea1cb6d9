package com.helpdesk.slaadmin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketSla;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Lambda entry point of the SLA admin API (SlaAdminRoutes); the composition root of the function. */
public final class SlaAdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Used by Lambda: configuration read and clients built once, at init (and captured by SnapStart). */
    public SlaAdminHandler() {
        this(SlaAdminConfig.fromEnvironment(), AwsClients.build(DynamoDbClient.builder(), "DYNAMODB"));
    }

    private SlaAdminHandler(SlaAdminConfig config, DynamoDbClient dynamo) {
        this(new SlaSettings(new DynamoDbSlaSettings(dynamo, config.tableName()), config.defaultTimeZone()),
                new DynamoDbTicketSla(dynamo, config.tableName()), RuntimeClock.get());
    }

    public SlaAdminHandler(SlaSettings settings, TicketSlaStore tickets, Clock clock) {
        this.router = SlaAdminRoutes.router(settings, tickets, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
