package com.helpdesk.bench;

import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaPolicy;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.core.sla.TicketFacts;
import com.helpdesk.core.sla.TicketSla;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.sla.TicketSlaWire;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketSla;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SLA timer's sweep cost against the number of open tickets: DynamoDB requests per minute of sweeping at
 * 1k and 100k open tickets (each with a running clock in the due-time index), with the same tickets due in each
 * swept minute, and their ratio. The sweep is the real {@link SlaTimer#sweep} over the real store; the open
 * tickets not due are index entries of the SLA item's shape (written in batches: 100k transactions would
 * only measure DynamoDB Local's write speed), the due ones real clocks that fire a warning.
 */
final class SlaSweepBench {
    private static final String TABLE = "sla-bench";
    private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    private static final int MINUTES = 3;
    private static final int DUE_PER_MINUTE = 20;

    private SlaSweepBench() {}

    static void run(Report report, String[] args) throws Exception {
        int small = 1_000;
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Measured a = measure(small);
        Measured b = measure(large);
        String goal = "1.00x: the sweep does not grow with open tickets, only with those due";
        report.add("sla-sweep", "DynamoDB requests per swept minute, " + large + " vs " + small + " open tickets",
                a.label(b.perMinute()), a.label(a.perMinute()), b.perMinute() / a.perMinute(), goal);
        report.add("sla-sweep", "index Query requests per swept minute, " + large + " vs " + small,
                String.format("%.1f", b.queriesPerMinute()), String.format("%.1f", a.queriesPerMinute()),
                b.queriesPerMinute() / a.queriesPerMinute(), "1.00x: 8 a minute (one per shard)");
        report.add("sla-sweep", "tickets fired per minute, " + large + " vs " + small, String.valueOf(b.firedPerMinute()),
                String.valueOf(a.firedPerMinute()), (double) b.firedPerMinute() / a.firedPerMinute(), "same due work at both sizes");
    }

    record Measured(double perMinute, double queriesPerMinute, long firedPerMinute, String byOperation) {
        String label(double figure) {
            return String.format("%.1f", figure);
        }
    }

    private static Measured measure(int openTickets) throws Exception {
        Map<String, AtomicLong> counts = new java.util.concurrent.ConcurrentHashMap<>();
        boolean[] counting = {false};
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0);
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                         @Override
                         public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                             if (counting[0]) {
                                 counts.computeIfAbsent(context.request().getClass().getSimpleName().replace("Request", ""),
                                         k -> new AtomicLong()).incrementAndGet();
                             }
                         }
                     })).build()) {
            createTable(client);
            DynamoDbTicketSla store = new DynamoDbTicketSla(client, TABLE);
            int due = MINUTES * DUE_PER_MINUTE;
            fillNotDue(client, openTickets - due);
            for (int m = 1; m <= MINUTES; m++) {
                for (int i = 0; i < DUE_PER_MINUTE; i++) dueClock(store, "tkt_due_" + m + "_" + i, T0.plus(Duration.ofMinutes(m)).minusSeconds(i));
            }
            SlaTimer timer = new SlaTimer(new SlaSettings(new DynamoDbSlaSettings(client, TABLE), java.time.ZoneId.of("UTC")), store,
                    new SweepOnly(), prefix -> prefix + "_" + java.util.UUID.randomUUID());
            long fired = 0;
            counting[0] = true;
            for (int m = 1; m <= MINUTES; m++) fired += timer.sweep(T0.plus(Duration.ofMinutes(m)), 1000);
            counting[0] = false;
            long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
            long queries = counts.getOrDefault("Query", new AtomicLong()).get();
            System.out.printf("  [sla-sweep] %d open tickets: %s over %d swept minutes%n", openTickets, counts, MINUTES);
            return new Measured((double) total / MINUTES, (double) queries / MINUTES, fired / MINUTES, counts.toString());
        }
    }

    /** A real clock created 6 hours before {@code warnAt} under the built-in default (firstResponse PT8H, warning at 75%). */
    private static void dueClock(DynamoDbTicketSla store, String ticketId, Instant warnAt) {
        TicketSla sla = TicketSla.create(SlaPolicy.BUILT_IN_DEFAULT, AroundTheClock.INSTANCE, Status.OPEN,
                warnAt.minus(Duration.ofHours(6)), EventTypes.TICKET_CREATED).sla();
        store.save(new TicketSlaStore.Write(new TicketSlaStore.Stored(ticketId, 1, 1, warnAt.minus(Duration.ofHours(6)),
                new TicketFacts(Priority.NORMAL, Channel.EMAIL, Set.of()), TicketSlaWire.toWire(sla), List.of()),
                0, sla.nextFireAt(), sla.nextDueAt(), List.of(), List.<DomainEvent>of()));
    }

    /** Open tickets whose next firing is 1 hour to 3 days away: in the due-time index, never due in the swept minutes. */
    private static void fillNotDue(DynamoDbClient client, int n) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int start = 0; start < n; start += 25) {
                int from = start, to = Math.min(n, start + 25);
                all.add(writers.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int i = from; i < to; i++) batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(openItem(i)).build()).build());
                    Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> ask = pending;
                        var r = client.batchWriteItem(b -> b.requestItems(ask));
                        pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            writers.shutdown();
        }
    }

    /** The keys and index attributes DynamoDbTicketSla writes, with a state of typical size (about 1.5 KB). */
    private static Map<String, AttributeValue> openItem(int i) {
        String id = "tkt_open_" + i;
        Instant fireAt = T0.plus(Duration.ofHours(1)).plusSeconds((i * 7919L) % (3 * 24 * 3600));
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", AttributeValue.fromS("TICKET#" + id));
        m.put("SK", AttributeValue.fromS("TICKET#SLA"));
        m.put("type", AttributeValue.fromS("TicketSla"));
        m.put("ticketId", AttributeValue.fromS(id));
        m.put("nextFireAt", AttributeValue.fromS(fireAt.toString()));
        m.put("GSI1PK", AttributeValue.fromS("SLADUE#" + Math.floorMod(id.hashCode(), 8)));
        m.put("GSI1SK", AttributeValue.fromS(String.format("%s#%s", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(fireAt), id)));
        m.put("state", AttributeValue.fromS("x".repeat(1500)));
        return m;
    }

    private static void createTable(DynamoDbClient client) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (String a : List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK")) {
            attributes.add(AttributeDefinition.builder().attributeName(a).attributeType(ScalarAttributeType.S).build());
        }
        for (String gsi : List.of("GSI1", "GSI2", "GSI3")) {
            indexes.add(GlobalSecondaryIndex.builder().indexName(gsi)
                    .keySchema(KeySchemaElement.builder().attributeName(gsi + "PK").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(gsi + "SK").keyType(KeyType.RANGE).build())
                    .projection(p -> p.projectionType(ProjectionType.ALL)).build());
        }
        client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attributes)
                .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(indexes));
    }

    /** The sweep fires and records; applying onBreach happens later, from the queue, and is not part of it. */
    private static final class SweepOnly implements SlaActions {
        @Override public void notApplied(String ticketId, String reason) { throw new IllegalStateException("the sweep never acts on a breach"); }
        @Override public Optional<Status> statusNow(String ticketId) { throw new IllegalStateException("the sweep never reads tickets"); }
        @Override public void escalate(String ticketId, String group, String reason) { throw new IllegalStateException("the sweep never escalates"); }
        @Override public void tag(String ticketId, String tag) { throw new IllegalStateException("the sweep never tags"); }
    }
}
