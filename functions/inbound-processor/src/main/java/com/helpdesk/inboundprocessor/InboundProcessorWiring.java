package com.helpdesk.inboundprocessor;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.queue.InboundMessageCodec;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.email.Acknowledgment;
import com.helpdesk.core.service.InboundThreading;
import com.helpdesk.core.service.OpeningNotice;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;

/** The inbound processor's composition root: the store, the ticket service and the dead letters, built once at init. */
record InboundProcessorWiring(InboundThreading tickets, DeadLetters deadLetters, OperationalMetrics metrics, Runnable primer) {
    static InboundProcessorWiring fromEnvironment() {
        return build(InboundProcessorConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static InboundProcessorWiring build(InboundProcessorConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(aws.build(DynamoDbClient.builder(), "DYNAMODB"), config.tableName());
        // the acknowledgment goes into the transaction that opens the ticket (not a change of its own afterwards)
        OpeningNotice acknowledgment = config.acknowledgeNewEmail() ? new Acknowledgment(config.supportTeamName()) : OpeningNotice.NONE;
        InboundThreading tickets = new InboundThreading(repository, new UlidGenerator(clock), clock, acknowledgment);
        // SQS only parks unreadable messages: its client is built then, not at init (cold start time and memory)
        DeadLetters deadLetters = DeadLetters.buildingClientOnFirstUse(() -> aws.build(SqsClient.builder(), "SQS"),
                config.deadLetterQueueUrl().toString());
        return new InboundProcessorWiring(tickets, deadLetters, CloudWatchMetrics.of(config.metrics()), () -> prime(repository, clock));
    }

    /**
     * SnapStart priming, read-only: a message through the queue codec, then the lookups threading starts with (its
     * dedupe key and thread key together, a ticket) for keys that never exist. Receiving it would write, so it is not received.
     */
    private static void prime(DynamoDbTicketRepository repository, Clock clock) {
        String id = "snapstart-priming";
        InboundMessage sample = InboundMessageCodec.decode(InboundMessageCodec.encode(new InboundMessage("email:" + id,
                List.of(new ThreadKey("email:<" + id + "@priming.invalid>", "message-id")), Channel.EMAIL,
                Requester.of("requester", id + "@priming.invalid", null, "Priming", null), "priming", "priming", null, null,
                clock.instant(), List.of())));
        repository.lookUpInbound(sample.dedupeKey(), List.of(sample.threadKeys().get(0).key()));
        repository.find(QueuePriming.NEVER_ISSUED_TICKET);
    }
}
