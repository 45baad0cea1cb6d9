package com.helpdesk.triage;

import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.triage.IntentClassifier;
import com.helpdesk.core.triage.IntentPolicy;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.core.triage.IntentTriage;
import com.helpdesk.core.triage.TicketTriage;
import com.helpdesk.intentmodel.MaxentIntentClassifier;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbTicketIntents;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/**
 * The triage functions' composition root, built once at init: the table, the queue, and the intent model,
 * read from the jar here and nowhere else (the classifier is the function's one expensive object).
 * {@code deadLetters} is null for the API function, which has no queue.
 */
record TriageWiring(IntentTriage triage, TicketTriage tickets, TicketDesk desk, DeadLetters deadLetters) {
    static TriageWiring forQueue() {
        return build(TriageConfig.forQueue(EnvironmentReader.lambda()), MaxentIntentClassifier.load(), RuntimeClock.get());
    }

    static TriageWiring forApi() {
        return build(TriageConfig.forApi(EnvironmentReader.lambda()), MaxentIntentClassifier.load(), RuntimeClock.get());
    }

    static TriageWiring build(TriageConfig config, IntentClassifier classifier, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(dynamo, config.tableName());
        UlidGenerator ids = new UlidGenerator(clock);
        TicketDesk desk = TicketDesk.wire(repository, ids, clock);
        IntentTriage triage = new IntentTriage(classifier, new IntentPolicy(config.threshold()),
                new IntentRecords(new DynamoDbTicketIntents(dynamo, config.tableName()), ids, clock));
        DeadLetters deadLetters = config.deadLetterQueueUrl()
                .map(url -> DeadLetters.buildingClientOnFirstUse(() -> aws.build(SqsClient.builder(), "SQS"), url.toString())).orElse(null);
        TicketTriage tickets = new TicketTriage(triage, desk.queries(), new DynamoDbOrderContexts(dynamo, config.tableName()));
        return new TriageWiring(triage, tickets, desk, deadLetters);
    }

    /**
     * SnapStart priming of the queue function, read-only: a bus event through its decoder, the intent model on a
     * customer's words in each of its languages (its first use is the expensive one, and each language's analyzer is
     * built on its first text), and the classification of a ticket never issued, which reads the thread, finds
     * nothing and writes nothing.
     */
    void primeQueuePath() {
        TriageTrigger.decode(QueuePriming.busEvent(EventTypes.TICKET_CREATED));
        triage.predict("Where is my order?", "Hello, my order 4001 has not arrived yet. Where is it?", null);
        triage.predict("Wo bleibt meine Bestellung?", "Hallo, meine Bestellung 4001 ist noch nicht angekommen. Wo ist sie?", null);
        triage.predict("Où est ma commande ?", "Bonjour, ma commande 4001 n'est toujours pas arrivée. Où est-elle ?", null);
        triage.predict("¿Dónde está mi pedido?", "Hola, mi pedido 4001 todavía no ha llegado. ¿Dónde está?", null);
        QueuePriming.onNeverIssuedTicket(() -> tickets.classify(QueuePriming.NEVER_ISSUED_TICKET, null));
    }
}
