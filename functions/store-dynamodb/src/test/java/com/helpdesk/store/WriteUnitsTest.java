package com.helpdesk.store;

import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one typical ticket life costs in write units, as DynamoDB reports them (ReturnConsumedCapacity on every
 * write, table and indexes), measured on DynamoDB Local through the real store (docs/access-patterns.md quotes
 * the table this prints; infra/bench's {@code writes} part prints it with prices).
 */
class WriteUnitsTest {
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static WriteMeter meter;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        meter = new WriteMeter();
        client = NoScanClient.against(dynamo, meter);
        client.createTable(TableSchema.createTableRequest("writes"));
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    @Test
    void aTypicalTicketLife() {
        Map<String, WriteMeter.Totals> steps = new TicketLife(client, "writes", meter).run();
        WriteMeter.Totals life = TicketLife.total(steps);
        StringBuilder table = new StringBuilder("\n| step | write requests | items written | WRU table | WRU indexes | WRU |\n| --- | --- | --- | --- | --- | --- |\n");
        steps.forEach((step, t) -> row(table, step, t));
        row(table, "ticket life", life);
        System.out.println(table);
        assertThat(life.units()).as("the life's writes cost something: the meter reads the capacity DynamoDB reports").isPositive();
    }

    private static void row(StringBuilder table, String step, WriteMeter.Totals t) {
        table.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", step.strip(), t.requests(), t.items(),
                t.tableUnits(), t.indexUnits(), t.units()));
    }
}
