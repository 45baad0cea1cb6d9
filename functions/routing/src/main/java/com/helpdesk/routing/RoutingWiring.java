package com.helpdesk.routing;

import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.agents.Agents;
import com.helpdesk.core.agents.Assignment;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.routing.RoutingRules;
import com.helpdesk.core.routing.TicketRouting;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbAgentDirectory;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbRoutingRules;
import com.helpdesk.store.DynamoDbTicketIntents;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/**
 * The routing functions' composition root, built once at init. {@code deadLetters} is null for the API function,
 * which has no queue.
 */
record RoutingWiring(TicketRouting routing, Agents agents, RoutingRules rules, DeadLetters deadLetters) {
    static RoutingWiring forQueue() {
        return build(RoutingConfig.forQueue(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static RoutingWiring forApi() {
        return build(RoutingConfig.forApi(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static RoutingWiring build(RoutingConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        String table = config.tableName();
        TicketDesk desk = TicketDesk.wire(new DynamoDbTicketRepository(dynamo, table), new UlidGenerator(clock), clock);
        DynamoDbAgentDirectory directory = new DynamoDbAgentDirectory(dynamo, table);
        RoutingRules rules = new DynamoDbRoutingRules(dynamo, table);
        TicketRouting routing = new TicketRouting(rules, new Assignment(directory), desk.queries(), desk.commands(),
                new DynamoDbTicketIntents(dynamo, table), new DynamoDbOrderContexts(dynamo, table));
        DeadLetters deadLetters = config.deadLetterQueueUrl()
                .map(url -> DeadLetters.buildingClientOnFirstUse(() -> aws.build(SqsClient.builder(), "SQS"), url.toString())).orElse(null);
        return new RoutingWiring(routing, new Agents(directory), rules, deadLetters);
    }

    /**
     * SnapStart priming of the queue function, read-only: a bus event through its decoder, the rules as routing reads
     * them, and routing a ticket never issued, which reads the thread, finds nothing and writes nothing.
     */
    void primeQueuePath() {
        RoutingTrigger.decode(QueuePriming.busEvent(EventTypes.TICKET_CREATED));
        rules.list();
        QueuePriming.onNeverIssuedTicket(() -> routing.route(QueuePriming.NEVER_ISSUED_TICKET));
    }
}
