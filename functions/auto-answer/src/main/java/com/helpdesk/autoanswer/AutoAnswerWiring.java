package com.helpdesk.autoanswer;

import com.helpdesk.core.deflection.WismoAutoAnswer;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.deflection.WismoReply;
import com.helpdesk.core.deflection.WismoRules;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbAutoAnswerLog;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbTicketIntents;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** AutoAnswerFunction's composition root, built once at init: the table (tickets, intents, order contexts, stores, decisions) and the dead-letter queue. */
record AutoAnswerWiring(WismoAutoAnswer autoAnswer, DeadLetters deadLetters) {
    static AutoAnswerWiring fromEnvironment() {
        return build(AutoAnswerConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static AutoAnswerWiring build(AutoAnswerConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        String table = config.tableName();
        WismoAutoAnswer.Ports ports = new WismoAutoAnswer.Ports(new DynamoDbTicketRepository(dynamo, table), new DynamoDbTicketIntents(dynamo, table),
                new DynamoDbOrderContexts(dynamo, table), new DynamoDbStoreRepository(dynamo, table), new DynamoDbAutoAnswerLog(dynamo, table));
        WismoAutoAnswer autoAnswer = new WismoAutoAnswer(ports, new WismoRules(config.wismo()), new WismoReply(config.teamTimezone()),
                new UlidGenerator(clock), clock);
        return new AutoAnswerWiring(autoAnswer, DeadLetters.buildingClientOnFirstUse(() -> aws.build(SqsClient.builder(), "SQS"),
                config.deadLetterQueueUrl().toString()));
    }

    /**
     * SnapStart priming, read-only: a bus event through the decoder, and the decision on a ticket never issued, which
     * reads the thread, finds nothing and writes nothing.
     */
    void primeQueuePath() {
        AutoAnswerTrigger.decode(QueuePriming.busEvent(EventTypes.INTENT_CLASSIFIED));
        QueuePriming.onNeverIssuedTicket(() -> autoAnswer.onIntentClassified(QueuePriming.NEVER_ISSUED_TICKET));
    }
}
