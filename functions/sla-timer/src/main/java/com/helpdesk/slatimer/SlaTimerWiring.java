package com.helpdesk.slatimer;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.DynamoDbTicketSla;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** SlaTimerFunction's composition root: the clocks' stores and the breach actions, built once at init. */
record SlaTimerWiring(SlaTimer timer, Clock clock, int sweepLimit, QueueBackoff backoff) {
    static SlaTimerWiring fromEnvironment() {
        return build(SlaTimerConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static SlaTimerWiring build(SlaTimerConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        UlidGenerator ids = new UlidGenerator(clock);
        DynamoDbTicketRepository tickets = new DynamoDbTicketRepository(dynamo, config.tableName());
        TicketCommands commands = new TicketCommands(tickets, ids, clock);
        SlaTimer timer = new SlaTimer(new SlaSettings(new DynamoDbSlaSettings(dynamo, config.tableName()), config.defaultTimeZone()),
                new DynamoDbTicketSla(dynamo, config.tableName()), new TicketCommandSlaActions(commands, tickets), ids);
        return new SlaTimerWiring(timer, clock, config.sweepLimitPerShard(), new QueueBackoff(Lazy.of(() -> aws.build(SqsClient.builder(), "SQS"))));
    }
}
