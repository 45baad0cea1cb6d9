package com.helpdesk.bench;

import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.QueueViewFill;
import com.helpdesk.store.TableSchema;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' queue views against the number of tickets: the median time of the first page (25) of each view, read
 * through the store's real query plans ({@link DynamoDbTicketRepository#list}) on one DynamoDB Local holding a table
 * of 1k and a table of 100k tickets, read in turn (same run, same load). Two real tickets (one unassigned, one assigned) are copied under new ids
 * ({@link QueueViewFill}) with the index keys the store would give them. A view reads one page per shard whatever
 * the table holds, so the goal is flat: <= 1.2x.
 */
final class QueueViewBench {
    private static final String TABLE = "views-bench";
    private static final int PAGE = 25;
    private static final Map<String, TicketQuery> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("all tickets", TicketQuery.all());
        VIEWS.put("status open", new TicketQuery(Status.OPEN, null, null, null));
        VIEWS.put("unassigned, open", new TicketQuery(Status.OPEN, TicketQuery.UNASSIGNED, null, null));
        VIEWS.put("one agent's open", new TicketQuery(Status.OPEN, "alice", null, null));
    }

    private QueueViewBench() {}

    static void run(Report report, String[] args) throws Exception {
        int small = 1_000;
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reads = Integer.getInteger("bench.viewReads", 31);
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0);
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            DynamoDbTicketRepository few = filled(client, TABLE + "-" + small, small);
            DynamoDbTicketRepository many = filled(client, TABLE + "-" + large, large);
            for (Map.Entry<String, TicketQuery> view : VIEWS.entrySet()) {
                // the two tables read in turn, so both see the same load of this shared machine
                List<Double> fewMillis = new ArrayList<>();
                List<Double> manyMillis = new ArrayList<>();
                for (int i = 0; i < reads + 5; i++) {
                    double a = firstPageMillis(few, view);
                    double b = firstPageMillis(many, view);
                    if (i >= 5) { // the first five warm the JVM and the indexes
                        fewMillis.add(a);
                        manyMillis.add(b);
                    }
                }
                double p50few = Report.median(fewMillis);
                double p50many = Report.median(manyMillis);
                report.add("views", view.getKey() + ": first page p50, " + large + " vs " + small + " tickets",
                        String.format("%.1f ms", p50many), String.format("%.1f ms", p50few), p50many / p50few, "<= 1.2x");
            }
        }
    }

    private static DynamoDbTicketRepository filled(DynamoDbClient client, String table, int tickets) {
        client.createTable(TableSchema.createTableRequest(table));
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(client, table);
        Clock clock = Clock.systemUTC();
        TicketDesk desk = TicketDesk.wire(repository, new UlidGenerator(clock), clock);
        String unassigned = create(desk, null);
        String assigned = create(desk, "alice");
        long t0 = System.nanoTime();
        fill(new QueueViewFill(client, table), unassigned, assigned, tickets - 2);
        System.out.printf("  [views] %d tickets written in %.0f s%n", tickets, (System.nanoTime() - t0) / 1e9);
        return repository;
    }

    private static double firstPageMillis(DynamoDbTicketRepository repository, Map.Entry<String, TicketQuery> view) {
        long start = System.nanoTime();
        int found = repository.list(view.getValue(), PAGE, null).items().size();
        double millis = (System.nanoTime() - start) / 1e6;
        if (found != PAGE) throw new IllegalStateException(view.getKey() + " found " + found + " of a page of " + PAGE);
        return millis;
    }

    private static String create(TicketDesk desk, String assignee) {
        return desk.commands().create(new NewTicket("Order 4001 has not arrived", Requester.of("requester", "jane@customer.example",
                        null, "Jane", null), Channel.EMAIL, null, List.of(), assignee, null, Status.OPEN,
                "Hello, my order 4001 has not arrived yet.", null, null, List.of()), Actor.agent("bench"), null).thread().ticket().id();
    }

    /** Half the copies unassigned, half assigned to alice; the newest updated first, one second apart. */
    private static void fill(QueueViewFill fill, String unassigned, String assigned, int copies) {
        Instant newest = Instant.parse("2026-11-30T12:00:00Z");
        for (int from = 0; from < copies; from += 1000) {
            List<String> even = new ArrayList<>();
            List<String> odd = new ArrayList<>();
            for (int i = from; i < Math.min(copies, from + 1000); i++) (i % 2 == 0 ? even : odd).add(String.format("tkt_%026d", i));
            fill.copy(unassigned, even, newest.minusSeconds(from));
            fill.copy(assigned, odd, newest.minusSeconds(from));
        }
    }
}
