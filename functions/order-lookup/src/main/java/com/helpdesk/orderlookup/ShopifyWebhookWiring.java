package com.helpdesk.orderlookup;

import com.helpdesk.queue.SqsOrderWebhookQueue;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SsmSecretStore;
import com.helpdesk.shopify.ShopifyWebhookReception;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbWebhookDeliveries;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** The Shopify webhook intake's composition root: stores, their webhook secrets, the dedupe items and the queue, built once at init. */
record ShopifyWebhookWiring(ShopifyWebhookReception reception) {
    static ShopifyWebhookWiring fromEnvironment() {
        return build(ShopifyWebhookConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static ShopifyWebhookWiring build(ShopifyWebhookConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        // the secret cache's expiry runs on real time, not on the local stack's movable clock
        SsmSecretStore secrets = SsmSecretStore.using(aws, Clock.systemUTC());
        SqsOrderWebhookQueue queue = new SqsOrderWebhookQueue(aws.build(SqsClient.builder(), "SQS"), config.orderLookupQueueUrl().toString());
        return new ShopifyWebhookWiring(new ShopifyWebhookReception(new DynamoDbStoreRepository(dynamo, config.tableName()), secrets,
                config.secretsPrefix(), new DynamoDbWebhookDeliveries(dynamo, config.tableName(), clock), queue, clock));
    }
}
