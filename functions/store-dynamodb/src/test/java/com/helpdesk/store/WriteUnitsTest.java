package com.helpdesk.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one typical ticket life costs in write units by AWS's documented rules ({@link WriteMeter}: from each
 * request and the items it changed, table and indexes), next to what DynamoDB Local reports, measured through
 * the real store on DynamoDB Local (docs/access-patterns.md quotes
 * the table this prints; infra/bench's {@code writes} part prints it with prices).
 */
class WriteUnitsTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("writes");
    private static DynamoDbClient client;
    private static WriteMeter meter;
    private static DynamoDbClient images;

    @BeforeAll
    static void start() {
        images = DYNAMO.client();
        meter = new WriteMeter(images, TableSchema.GSIS);
        client = DYNAMO.newClient(meter);
    }

    @Test
    void aTypicalTicketLife() {
        TicketLife ticketLife = new TicketLife(client, "writes", meter);
        Map<String, WriteMeter.Totals> steps = ticketLife.run();
        lastTicket = ticketLife.lastTicket();
        WriteMeter.Totals life = TicketLife.total(steps);
        StringBuilder table = new StringBuilder("\n| step | write requests | items written | WRU table | WRU indexes | WRU | as DynamoDB Local reports | RRU |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        steps.forEach((step, t) -> row(table, step, t));
        row(table, "ticket life", life);
        System.out.println(table);
        System.out.println(itemSizes(life(steps)));
        assertThat(life.units()).as("the life's writes cost something: the meter reads the capacity DynamoDB reports").isPositive();
    }

    @Test
    void theMeterBillsByTheDocumentedRules() {
        Map<String, AttributeValue> small = new java.util.HashMap<>(Map.of("PK", AttributeValue.fromS("CALIBRATION#1"),
                "SK", AttributeValue.fromS("X"), "GSI1PK", AttributeValue.fromS("CALIBRATION"), "GSI1SK", AttributeValue.fromS("1")));
        assertThat(cost(() -> client.putItem(b -> b.tableName("writes").item(small)))).isEqualTo(new double[]{1, 1});
        small.put("GSI1SK", AttributeValue.fromS("2")); // the index key moves: a delete and a put in the index
        assertThat(cost(() -> client.putItem(b -> b.tableName("writes").item(small)))).isEqualTo(new double[]{1, 2});
        small.put("note", AttributeValue.fromS("x".repeat(1100))); // over 1 KB, in a transaction: 2 KB x 2; the index once
        assertThat(cost(() -> client.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName("writes").item(small))))))
                .isEqualTo(new double[]{4, 2});
        small.remove("GSI1PK"); // it leaves the index
        assertThat(cost(() -> client.putItem(b -> b.tableName("writes").item(small)))).isEqualTo(new double[]{2, 2});
        assertThat(cost(() -> client.putItem(b -> b.tableName("writes").item(small)))).isEqualTo(new double[]{2, 0});
    }

    private static double[] cost(Runnable write) {
        WriteMeter.Totals before = meter.snapshot();
        write.run();
        WriteMeter.Totals t = meter.snapshot().minus(before);
        return new double[]{t.tableUnits(), t.indexUnits()};
    }

    private static String lastTicket;

    private static Map<String, WriteMeter.Totals> life(Map<String, WriteMeter.Totals> steps) {
        return steps;
    }

    /** The largest item of each type in the ticket's collection, in bytes as billed: what each write of it costs (1 WRU per KB). */
    private static String itemSizes(Map<String, WriteMeter.Totals> steps) {
        Map<String, Integer> largest = new java.util.TreeMap<>();
        client.queryPaginator(b -> b.tableName("writes").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ticketPk(lastTicket)))))
                .items().forEach(i -> largest.merge(i.get("type").s() + " " + i.get("SK").s().replaceAll("[#0-9].*", ""), ItemSize.of(i), Math::max));
        return "largest item of each kind (bytes): " + largest;
    }

    private static void row(StringBuilder table, String step, WriteMeter.Totals t) {
        table.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", step.strip(), t.requests(),
                t.items(), t.tableUnits(), t.indexUnits(), t.units(), t.localReported(), t.readUnits()));
    }
}
