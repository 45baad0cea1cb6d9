package com.helpdesk.slaadmin;

import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketSla;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The SLA admin function's composition root: its stores and settings, built once at init from its configuration. */
record SlaAdminWiring(SlaSettings settings, TicketSlaStore tickets, Clock clock) {
    static SlaAdminWiring fromEnvironment() {
        return build(SlaAdminConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static SlaAdminWiring build(SlaAdminConfig config, Clock clock) {
        DynamoDbClient dynamo = new AwsClients(config.aws()).build(DynamoDbClient.builder(), "DYNAMODB");
        return new SlaAdminWiring(new SlaSettings(new DynamoDbSlaSettings(dynamo, config.tableName()), config.defaultTimeZone()),
                new DynamoDbTicketSla(dynamo, config.tableName()), clock);
    }
}
