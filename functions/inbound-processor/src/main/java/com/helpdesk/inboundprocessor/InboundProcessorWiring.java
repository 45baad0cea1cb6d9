package com.helpdesk.inboundprocessor;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketService;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** The inbound processor's composition root: the store, the ticket service and the dead letters, built once at init. */
record InboundProcessorWiring(TicketService tickets, DeadLetters deadLetters, com.helpdesk.core.port.OperationalMetrics metrics) {
    static InboundProcessorWiring fromEnvironment() {
        return build(InboundProcessorConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static InboundProcessorWiring build(InboundProcessorConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(aws.build(DynamoDbClient.builder(), "DYNAMODB"), config.tableName());
        TicketService tickets = new TicketService(repository, new UlidGenerator(clock), clock);
        return new InboundProcessorWiring(tickets, new DeadLetters(aws.build(SqsClient.builder(), "SQS"), config.deadLetterQueueUrl().toString()),
                com.helpdesk.runtime.CloudWatchMetrics.of(config.metrics()));
    }
}
