package com.helpdesk.autoclose;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.AutoClose;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/** The auto-close function's composition root: its store and services, built once at init from its configuration. */
record AutoCloseWiring(AutoClose autoClose, Duration closeAfter) {
    static AutoCloseWiring fromEnvironment() {
        return build(AutoCloseConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static AutoCloseWiring build(AutoCloseConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(aws.build(DynamoDbClient.builder(), "DYNAMODB"), config.tableName());
        TicketCommands tickets = new TicketCommands(repository, new UlidGenerator(clock), clock);
        return new AutoCloseWiring(new AutoClose(repository, tickets, clock), config.closeAfter());
    }
}
