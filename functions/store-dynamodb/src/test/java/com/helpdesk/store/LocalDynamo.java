package com.helpdesk.store;

import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local for the store tests: one server for the whole test run (started by the first class that
 * registers this, stopped when the run ends), and each class's own tables, created from {@link TableSchema}
 * before its {@code @BeforeAll} and deleted after its {@code @AfterAll}, so two classes may use the same
 * table name without seeing each other's items. Register it on a static field:
 * {@code @RegisterExtension static final LocalDynamo DYNAMO = LocalDynamo.withTables("helpdesk");}
 */
final class LocalDynamo implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalDynamo.class);

    private final List<String> tables;
    private final List<DynamoDbClient> clients = new ArrayList<>();
    private DynamoDbLocal server;
    private DynamoDbClient client;

    private LocalDynamo(List<String> tables) {
        this.tables = tables;
    }

    /** The tables the class works in, each with the application table's keys and indexes. */
    static LocalDynamo withTables(String... tables) {
        return new LocalDynamo(List.of(tables));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, k -> new SharedServer(DynamoDbLocal.start(0)), SharedServer.class).dynamo();
        client = newClient();
        for (String t : tables) client.createTable(TableSchema.createTableRequest(t));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            for (String t : tables) client.deleteTable(b -> b.tableName(t));
        } finally {
            clients.forEach(DynamoDbClient::close);
            clients.clear();
        }
    }

    /** The server (for a client of the test's own, e.g. one that may Scan). */
    DynamoDbLocal server() {
        return server;
    }

    /** The class's client: a {@link NoScanClient}, closed after the class. */
    DynamoDbClient client() {
        return client;
    }

    /** Another {@link NoScanClient} (e.g. one function instance of several), closed after the class. */
    DynamoDbClient newClient() {
        return newClient(new ExecutionInterceptor() {});
    }

    /** As above, with one more interceptor (a {@link WriteMeter}) after the guard. */
    DynamoDbClient newClient(ExecutionInterceptor also) {
        DynamoDbClient c = NoScanClient.against(server, also);
        clients.add(c);
        return c;
    }

    /** The run's one server, stopped when JUnit closes the root context's store. */
    private record SharedServer(DynamoDbLocal dynamo) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            dynamo.close();
        }
    }
}
