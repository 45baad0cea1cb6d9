package com.helpdesk.autoclose;

import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.AutoClose;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The auto-close function's composition root: its store and services, built once at init from its configuration. */
record AutoCloseWiring(AutoClose autoClose, Duration closeAfter, Runnable primer) {
    static AutoCloseWiring fromEnvironment() {
        return build(AutoCloseConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static AutoCloseWiring build(AutoCloseConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(aws.build(DynamoDbClient.builder(), "DYNAMODB"), config.tableName());
        TicketCommands tickets = new TicketCommands(repository, new UlidGenerator(clock), clock);
        return new AutoCloseWiring(new AutoClose(repository, tickets, clock), config.closeAfter(), () -> prime(repository));
    }

    /**
     * SnapStart priming, read-only: the page of tickets resolved before 1970 (the query a run pages through; always
     * empty), and the read a close starts with, of a ticket never issued. A run closes tickets, so it is not run.
     */
    static void prime(TicketRepository repository) {
        repository.resolvedBefore(Instant.EPOCH, 1, null);
        repository.findTicket(SnapStartPriming.NEVER_ISSUED_TICKET);
    }
}
