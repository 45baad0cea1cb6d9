package com.helpdesk.bench;

import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.store.TableSchema;
import com.helpdesk.store.TicketLife;
import com.helpdesk.store.WriteMeter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Write units per operation and per ticket life ({@link TicketLife}: the real store on DynamoDB Local, billed by AWS's
 * documented rules by {@link WriteMeter}), against the cheapest write measured the same way in the same run (one
 * PutItem of a small item in no index: 1 WRU), and what the DynamoDB requests of 1,000 such lives cost at us-east-1
 * on-demand list prices. Writes {@code writes.csv} and {@code writes.svg} under {@code infra/bench/target}
 * ({@code -Dbench.out=} elsewhere). Lambda, SQS, EventBridge, SES, S3 and API Gateway are not in this part's dollars.
 */
final class WritesBench {
    /** us-east-1, on-demand, Standard table class (aws.amazon.com/dynamodb/pricing/on-demand, since the 1 Nov 2024 reduction). */
    static final double USD_PER_MILLION_WRU = 0.625;
    static final double USD_PER_MILLION_RRU = 0.125;
    static final double GOAL_WRU_PER_LIFE = 100;
    private static final String TABLE = "writes-bench";

    private WritesBench() {}

    static void run(Report report, String[] args) throws IOException {
        int lives = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, List<WriteMeter.Totals>> rounds = new LinkedHashMap<>();
        double baseline;
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0); DynamoDbClient images = client(dynamo, null)) {
            WriteMeter meter = new WriteMeter(images, TableSchema.GSIS);
            try (DynamoDbClient client = client(dynamo, meter)) {
                client.createTable(TableSchema.createTableRequest(TABLE));
                WriteMeter.Totals before = meter.snapshot();
                client.putItem(b -> b.tableName(TABLE).item(Map.of("PK", AttributeValue.fromS("BASELINE"), "SK", AttributeValue.fromS("BASELINE"),
                        "type", AttributeValue.fromS("Baseline"))));
                baseline = meter.snapshot().minus(before).units();
                TicketLife life = new TicketLife(client, TABLE, meter);
                for (int i = 0; i < lives; i++) {
                    Map<String, WriteMeter.Totals> steps = life.run();
                    steps.put("ticket life", TicketLife.total(steps));
                    steps.forEach((step, t) -> rounds.computeIfAbsent(step, k -> new ArrayList<>()).add(t));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        rounds.forEach((step, ts) -> rows.add(Row.of(step, ts)));
        for (Row r : rows) {
            boolean life = r.step().equals("ticket life");
            report.add("writes", "WRU, " + r.step().strip() + " (" + r.items() + " items in " + r.requests() + " write requests)",
                    fmt(r.wru()), fmt(baseline) + " (one PutItem)", r.wru() / baseline,
                    life ? "<= " + (int) GOAL_WRU_PER_LIFE + " WRU" : "-");
        }
        Row life = rows.stream().filter(r -> r.step().equals("ticket life")).findFirst().orElseThrow();
        report.add("writes", "$ per 1,000 tickets, DynamoDB on-demand (writes " + fmt(life.writeUsdPer1000()) + ", reads "
                + fmt(life.readUsdPer1000()) + "; Lambda, SQS, EventBridge, SES, S3, API Gateway not included)",
                String.format(Locale.ROOT, "$%.4f", life.usdPer1000()), String.format(Locale.ROOT, "$%.4f at %d WRU", GOAL_WRU_PER_LIFE
                        * 1000 * USD_PER_MILLION_WRU / 1e6, (int) GOAL_WRU_PER_LIFE), life.writeUsdPer1000() / (GOAL_WRU_PER_LIFE * 1000 * USD_PER_MILLION_WRU / 1e6),
                "<= 1.00x");
        Path out = Path.of(System.getProperty("bench.out", "infra/bench/target"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("writes.csv"), csv(rows));
        Files.writeString(out.resolve("writes.svg"), WritesChart.svg(rows));
        System.out.println("  [writes] wrote " + out.resolve("writes.csv") + " and " + out.resolve("writes.svg"));
    }

    /** One step's median over the lives run. */
    record Row(String step, int requests, int items, double tableWru, double indexWru, double rru) {
        static Row of(String step, List<WriteMeter.Totals> ts) {
            return new Row(step, (int) Report.median(ts.stream().map(WriteMeter.Totals::requests).toList()),
                    (int) Report.median(ts.stream().map(WriteMeter.Totals::items).toList()),
                    Report.median(ts.stream().map(WriteMeter.Totals::tableUnits).toList()),
                    Report.median(ts.stream().map(WriteMeter.Totals::indexUnits).toList()),
                    Report.median(ts.stream().map(WriteMeter.Totals::readUnits).toList()));
        }

        double wru() {
            return tableWru + indexWru;
        }

        double writeUsdPer1000() {
            return wru() * 1000 * USD_PER_MILLION_WRU / 1e6;
        }

        double readUsdPer1000() {
            return rru * 1000 * USD_PER_MILLION_RRU / 1e6;
        }

        double usdPer1000() {
            return writeUsdPer1000() + readUsdPer1000();
        }
    }

    static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder("step,write_requests,items_written,wru_table,wru_indexes,wru,rru,"
                + "usd_per_1000_tickets_writes,usd_per_1000_tickets_reads,usd_per_1000_tickets_dynamodb\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "\"%s\",%d,%d,%.1f,%.1f,%.1f,%.1f,%.6f,%.6f,%.6f%n", r.step().strip(), r.requests(), r.items(),
                    r.tableWru(), r.indexWru(), r.wru(), r.rru(), r.writeUsdPer1000(), r.readUsdPer1000(), r.usdPer1000()));
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.4f", v);
    }

    private static DynamoDbClient client(DynamoDbLocal dynamo, ExecutionInterceptor meter) {
        var b = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create());
        if (meter != null) b.overrideConfiguration(c -> c.addExecutionInterceptor(meter));
        return b.build();
    }
}
