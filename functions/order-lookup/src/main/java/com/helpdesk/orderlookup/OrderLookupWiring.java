package com.helpdesk.orderlookup;

import com.helpdesk.core.orders.CustomerOrdersRefresh;
import com.helpdesk.core.privacy.CustomerDataExport;
import com.helpdesk.core.privacy.CustomerRedaction;
import com.helpdesk.core.privacy.ShopErasure;
import com.helpdesk.core.orders.OrderWebhookQueue;
import com.helpdesk.queue.SqsOrderWebhookQueue;
import com.helpdesk.store.DynamoDbStoreData;
import com.helpdesk.core.orders.OrderContextRefresh;
import com.helpdesk.core.orders.OrderLookup;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.orders.TicketOrderLookup;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.secrets.SsmSecretStore;
import com.helpdesk.shopify.ShopifyOrderDirectory;
import com.helpdesk.store.DynamoDbExportLedger;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbPersonalData;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import com.helpdesk.runtime.Lazy;

import java.net.URI;
import java.time.Clock;

/**
 * The order functions' composition root: the table, the secrets, Shopify and the queues, built once at init.
 * {@code deadLetters} and {@code continuations} are null for the API function, which has no queue.
 */
record OrderLookupWiring(TicketOrderLookup tickets, CustomerOrdersRefresh webhooks, CustomerRedaction redaction, CustomerDataExport exports,
                         ShopErasure shops, OrderWebhookQueue continuations, OrderLookup lookup, StoreService stores, TicketDesk desk, QueueBackoff backoff,
                         DeadLetters deadLetters, OrderLookupConfig config) {
    static OrderLookupWiring forQueue() {
        return build(OrderLookupConfig.forQueue(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static OrderLookupWiring forApi() {
        return build(OrderLookupConfig.forApi(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static OrderLookupWiring build(OrderLookupConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        // the API's cursors must verify on every instance: signed with the stack's ring; the queue hands none out
        DynamoDbTicketRepository repository = config.cursorKeysSecret()
                .map(secret -> new DynamoDbTicketRepository(dynamo, config.tableName(),
                        SecretsManagerKeyRings.using(aws).cached(secret, Clock.systemUTC()), clock))
                .orElseGet(() -> new DynamoDbTicketRepository(dynamo, config.tableName()));
        DynamoDbStoreRepository storeRepository = new DynamoDbStoreRepository(dynamo, config.tableName());
        DynamoDbOrderContexts contexts = new DynamoDbOrderContexts(dynamo, config.tableName());
        // the secret cache's expiry runs on real time, not on the local stack's movable clock
        SsmSecretStore secrets = SsmSecretStore.using(aws, Clock.systemUTC());
        ShopifyOrderDirectory shopify = ShopifyOrderDirectory.create(secrets, config.secretsPrefix(),
                config.shopifyEndpoint().map(URI::toString).orElse(null));
        OrderLookup lookup = new OrderLookup(shopify, contexts, config.cacheTtl(), clock);
        UlidGenerator ids = new UlidGenerator(clock);
        TicketOrderLookup tickets = new TicketOrderLookup(repository, storeRepository, new OrderContextRefresh(lookup, contexts, ids, clock));
        // SQS only parks dead letters and hands long webhook work on: built on first use, not at init (cold start time and memory)
        Lazy<SqsClient> sqs = Lazy.of(() -> aws.build(SqsClient.builder(), "SQS"));
        S3FileStore files = S3FileStore.using(aws, config.filesBucket());
        DeadLetters deadLetters = config.deadLetterQueueUrl().map(url -> DeadLetters.buildingClientOnFirstUse(sqs, url.toString())).orElse(null);
        OrderWebhookQueue continuations = config.ownQueueUrl().map(url -> new SqsOrderWebhookQueue(sqs, url.toString())).orElse(null);
        DynamoDbPersonalData personalData = new DynamoDbPersonalData(dynamo, config.tableName());
        StoreService storeService = new StoreService(storeRepository, secrets, config.secretsPrefix());
        return new OrderLookupWiring(tickets, new CustomerOrdersRefresh(repository, contexts, tickets, storeRepository, shopify),
                new CustomerRedaction(repository, storeRepository, personalData, files, clock),
                new CustomerDataExport(repository, storeRepository, contexts, files, new DynamoDbExportLedger(dynamo, config.tableName()), ids, clock,
                        config.exportLinkValidity()),
                new ShopErasure(repository, new DynamoDbStoreData(dynamo, config.tableName()), personalData, files, storeService, clock,
                        ShopErasure.TICKETS_PER_SLICE),
                continuations, lookup, storeService,
                TicketDesk.wire(repository, ids, clock), new QueueBackoff(sqs), deadLetters, config);
    }
}
