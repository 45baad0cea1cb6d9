package com.helpdesk.bench;

import com.helpdesk.core.metrics.MetricsDefinitions;
import com.helpdesk.core.metrics.MetricsQuery;
import com.helpdesk.core.metrics.MetricsRequest;
import com.helpdesk.core.metrics.MetricsService;
import com.helpdesk.core.metrics.Observation;
import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.store.DynamoDbMetricsStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a metrics report costs to read: DynamoDB requests of GET /metrics (the real {@link MetricsQuery} over the real
 * store) for ranges of 7, 30 and 90 days, at a small and a ten times larger ticket volume over the same 90 days. The
 * claim (docs/metrics.md): reads grow with the days of the range, never with the tickets in it.
 */
final class MetricsReadBench {
    private static final String TABLE = "metrics-bench";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate LAST = LocalDate.parse("2026-11-30");
    private static final List<String> CHANNELS = List.of("email", "chat", "phone", "social");
    private static final List<String> AGENTS = List.of("alice", "bob", "carol", "dan", "erin");

    private MetricsReadBench() {}

    record Reads(long day7, long day30, long day90, long channel90) {}

    static void run(Report report, String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int large = small * 10;
        Reads a = measure(small);
        Reads b = measure(large);
        report.add("metrics-read", "requests of a 90-day daily report, " + large + " vs " + small + " tickets",
                String.valueOf(b.day90()), String.valueOf(a.day90()), (double) b.day90() / a.day90(), "1.00x: reads never grow with tickets");
        report.add("metrics-read", "requests of a 90-day by-channel report, " + large + " vs " + small + " tickets",
                String.valueOf(b.channel90()), String.valueOf(a.channel90()), (double) b.channel90() / a.channel90(), "1.00x");
        report.add("metrics-read", "requests of a 90-day vs a 7-day daily report (" + large + " tickets)",
                String.valueOf(b.day90()), String.valueOf(b.day7()), (double) b.day90() / b.day7(), String.format("%.2fx: linear in days (90/7)", 90.0 / 7));
        report.add("metrics-read", "requests of a 30-day vs a 7-day daily report (" + large + " tickets)",
                String.valueOf(b.day30()), String.valueOf(b.day7()), (double) b.day30() / b.day7(), String.format("%.2fx: linear in days (30/7)", 30.0 / 7));
    }

    private static Reads measure(int tickets) {
        AtomicLong requests = new AtomicLong();
        boolean[] counting = {false};
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0);
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                         @Override
                         public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                             if (counting[0]) requests.incrementAndGet();
                         }
                     })).build()) {
            client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build()));
            DynamoDbMetricsStore store = new DynamoDbMetricsStore(client, TABLE);
            fill(new MetricsService(store, new MetricsDefinitions(ZONE, AroundTheClock.INSTANCE)), tickets);
            MetricsQuery query = new MetricsQuery(store, ZONE);
            counting[0] = true;
            long d7 = reads(requests, () -> query.report(new MetricsRequest(LAST.minusDays(6), LAST, MetricsRequest.GroupBy.DAY, null, null)));
            long d30 = reads(requests, () -> query.report(new MetricsRequest(LAST.minusDays(29), LAST, MetricsRequest.GroupBy.DAY, null, null)));
            long d90 = reads(requests, () -> query.report(new MetricsRequest(LAST.minusDays(89), LAST, MetricsRequest.GroupBy.DAY, null, null)));
            long c90 = reads(requests, () -> query.report(new MetricsRequest(LAST.minusDays(89), LAST, MetricsRequest.GroupBy.CHANNEL, null, null)));
            System.out.printf("  [metrics-read] %d tickets: %d / %d / %d requests for 7 / 30 / 90 days, %d by channel%n", tickets, d7, d30, d90, c90);
            return new Reads(d7, d30, d90, c90);
        }
    }

    private static long reads(AtomicLong requests, Runnable report) {
        long before = requests.get();
        report.run();
        return requests.get() - before;
    }

    /** Tickets spread over the 90 days: created, answered in public by an agent, resolved; a fixed seed. */
    private static void fill(MetricsService service, int tickets) {
        Random random = new Random(42);
        Instant start = LAST.minusDays(89).atStartOfDay(ZONE).toInstant();
        for (int i = 0; i < tickets; i++) {
            String id = "tkt_" + i;
            Instant created = start.plusSeconds(random.nextInt(90 * 24 * 3600 - 7200));
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            Instant answered = created.plus(Duration.ofMinutes(1 + random.nextInt(90)));
            service.record(id, new Observation("evt_" + id + "_1", Observation.Kind.CREATED, created, "customer", null,
                    Map.of("channel", CHANNELS.get(random.nextInt(CHANNELS.size())), "priority", "normal", "status", "new")));
            service.record(id, new Observation("evt_" + id + "_2", Observation.Kind.MESSAGE, answered, "agent", agent,
                    Map.of("visibility", "public", "authorType", "agent")));
            service.record(id, new Observation("evt_" + id + "_3", Observation.Kind.STATUS, answered.plusSeconds(60), "agent", agent,
                    Map.of("from", "open", "to", "resolved")));
        }
    }
}
