package com.helpdesk.api;

import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.store.DynamoDbTicketIntents;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.ConflictRetry;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.secrets.SsmSecretStore;
import com.helpdesk.store.DynamoDbChannelRepository;
import com.helpdesk.store.DynamoDbOrderContexts;
import com.helpdesk.store.DynamoDbStoreRepository;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbSlaTicketReads;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.LegacyTableKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The ticket API's composition root: its clients, adapters and services, built once at init from its configuration. */
record TicketApiWiring(TicketDesk tickets, CsatService surveys, FileStore files, ChannelService channels, TicketSlaQueries sla,
                       OrderContextReads orders, IntentRecords intents, RequestDeadline deadline) {
    static TicketApiWiring fromEnvironment() {
        return build(TicketApiConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static TicketApiWiring build(TicketApiConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        // key caches age in real time, not on the local stack's movable clock; grace deadlines are the business clock's
        SecretsManagerKeyRings keys = SecretsManagerKeyRings.using(aws);
        var cursorKeys = keys.cached(config.cursorKeysSecret(), Clock.systemUTC());
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(dynamo, config.tableName(), cursorKeys, clock);
        UlidGenerator ids = new UlidGenerator(clock);
        RequestDeadline deadline = new RequestDeadline();
        TicketDesk tickets = TicketDesk.wire(repository, ids, clock, ConflictRetry.commandsUntil(deadline));
        CsatService surveys = new CsatService(repository, new CsatToken(new LegacyKeyFallback(
                        keys.cached(config.csatKeysSecret(), Clock.systemUTC()), new LegacyTableKey(dynamo, config.tableName(), LegacyTableKey.CSAT)), clock),
                ids, clock, config.csatWindow());
        // the secret cache's expiry runs on real time, not on the local stack's movable clock
        ChannelService channels = new ChannelService(new DynamoDbChannelRepository(dynamo, config.tableName()),
                SsmSecretStore.using(aws, Clock.systemUTC()), config.secretsPrefix(), clock);
        OrderContextReads orders = new OrderContextReads(new DynamoDbOrderContexts(dynamo, config.tableName()),
                new DynamoDbStoreRepository(dynamo, config.tableName()));
        // the clocks shown with a ticket: the same settings (calendars) and arithmetic the SLA timer uses
        TicketSlaQueries sla = new TicketSlaQueries(new DynamoDbSlaTicketReads(dynamo, config.tableName(), cursorKeys, clock),
                new SlaSettings(new DynamoDbSlaSettings(dynamo, config.tableName()), config.slaDefaultTimeZone()), clock);
        // an agent's PATCH of intent is a correction written here; classifying is the triage function's (no model in this one)
        IntentRecords intents = new IntentRecords(new DynamoDbTicketIntents(dynamo, config.tableName()), ids, clock);
        return new TicketApiWiring(tickets, surveys, S3FileStore.using(aws, config.filesBucket()), channels, sla, orders, intents, deadline);
    }
}
