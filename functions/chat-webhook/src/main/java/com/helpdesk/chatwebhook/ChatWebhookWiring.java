package com.helpdesk.chatwebhook;

import com.helpdesk.chat.WebhookReception;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.queue.SqsInboundQueue;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SsmSecretStore;
import com.helpdesk.store.DynamoDbChannelRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** The chat webhooks' composition root: channels, their secrets and the inbound queue, built once at init. */
/** {@code primer}: the SnapStart priming of the reads and decoders (ChatWebhookPriming). */
record ChatWebhookWiring(WebhookReception reception, Runnable primer) {
    static ChatWebhookWiring fromEnvironment() {
        return build(ChatWebhookConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static ChatWebhookWiring build(ChatWebhookConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbChannelRepository repository = new DynamoDbChannelRepository(aws.build(DynamoDbClient.builder(), "DYNAMODB"), config.tableName());
        // the secret cache's expiry runs on real time, not on the local stack's movable clock
        ChannelService channels = new ChannelService(repository,
                SsmSecretStore.using(aws, Clock.systemUTC()), config.secretsPrefix(), clock);
        SqsInboundQueue queue = new SqsInboundQueue(aws.build(SqsClient.builder(), "SQS"), config.inboundQueueUrl().toString());
        return new ChatWebhookWiring(new WebhookReception(channels, queue, clock), () -> ChatWebhookPriming.prime(repository, clock.instant()));
    }
}
