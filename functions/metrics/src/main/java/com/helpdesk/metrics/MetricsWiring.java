package com.helpdesk.metrics;

import com.helpdesk.core.metrics.BacklogCensus;
import com.helpdesk.core.metrics.MetricsDefinitions;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.SupportMetrics;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbMetricsStore;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/**
 * The metrics composition root: the store, the definitions in the team's zone, built once at init. Business time
 * is each ticket's SLA calendar's, through the SLA capability's own settings and arithmetic (docs/metrics.md).
 */
/** {@code queuePrimer}, {@code censusPrimer}: the SnapStart priming of MetricsFunction and of BacklogCensusFunction (MetricsPriming). */
record MetricsWiring(MetricsService service, SupportMetrics support, MetricsQuery query, BacklogCensus census, MetricsConfig config,
                     Runnable queuePrimer, Runnable censusPrimer) {
    static MetricsWiring fromEnvironment() {
        return build(MetricsConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    /** MetricsFunction's: with its dead-letter queue (deadLetters). */
    static MetricsWiring forQueue() {
        return build(MetricsConfig.forQueue(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static MetricsWiring build(MetricsConfig config, Clock clock) {
        DynamoDbClient dynamo = new AwsClients(config.aws()).build(DynamoDbClient.builder(), "DYNAMODB");
        DynamoDbMetricsStore store = new DynamoDbMetricsStore(dynamo, config.tableName());
        SlaSettings sla = new SlaSettings(new DynamoDbSlaSettings(dynamo, config.tableName()), config.slaDefaultTimeZone());
        MetricsDefinitions definitions = new MetricsDefinitions(config.teamTimezone(), new CachedCalendars(sla::businessTime, clock));
        DynamoDbTicketRepository tickets = new DynamoDbTicketRepository(dynamo, config.tableName());
        BacklogCensus census = new BacklogCensus(tickets, store, config.teamTimezone(), clock);
        return new MetricsWiring(new MetricsService(store, definitions), CloudWatchMetrics.of(config.metrics()), new MetricsQuery(store, config.teamTimezone()),
                census, config, () -> MetricsPriming.primeQueue(store), () -> MetricsPriming.primeCensus(tickets));
    }

    /**
     * Where MetricsFunction parks what it cannot read, its SQS client built on the first parking (most invocations never park).
     * @throws IllegalStateException for a function configured without a queue (MetricsConfig.read)
     */
    static DeadLetters deadLetters(MetricsConfig config) {
        String url = config.deadLetterQueueUrl().orElseThrow(() -> new IllegalStateException("no DEAD_LETTER_QUEUE_URL: read the configuration with forQueue")).toString();
        return DeadLetters.buildingClientOnFirstUse(() -> new AwsClients(config.aws()).build(SqsClient.builder(), "SQS"), url);
    }
}
