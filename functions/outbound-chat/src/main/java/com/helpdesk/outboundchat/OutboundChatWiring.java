package com.helpdesk.outboundchat;

import com.helpdesk.chat.HttpChatSender;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatReplyTransport;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.ReplyDelivery;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SsmSecretStore;
import com.helpdesk.store.DynamoDbChannelRepository;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Clock;

/** The outbound chat's composition root: store, channels, the providers' sender and the reply sender, built once at init. */
record OutboundChatWiring(OutboundDelivery sender, QueueBackoff backoff, OperationalMetrics metrics) {
    static OutboundChatWiring fromEnvironment() {
        return build(OutboundChatConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static OutboundChatWiring build(OutboundChatConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(dynamo, config.tableName());
        ReplyDelivery deliveries = new ReplyDelivery(repository, new UlidGenerator(clock), clock);
        // the secret cache's expiry runs on real time, not on the local stack's movable clock
        ChannelService channels = new ChannelService(new DynamoDbChannelRepository(dynamo, config.tableName()),
                SsmSecretStore.using(aws, Clock.systemUTC()), config.secretsPrefix(), clock);
        HttpChatSender providers = HttpChatSender.create(channels, clock, config.chatApiBaseUrl().map(URI::toString).orElse(null));
        return new OutboundChatWiring(new OutboundDelivery(repository, deliveries, new ChatReplyTransport(channels, providers), config.maxSendAttempts()),
                new QueueBackoff(Lazy.of(() -> aws.build(SqsClient.builder(), "SQS"))), CloudWatchMetrics.of(config.metrics()));
    }
}
