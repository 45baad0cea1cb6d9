package com.helpdesk.store;

import com.helpdesk.core.orders.Store;
import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores against DynamoDB Local: GetItem for one, one Query for all, never a Scan. */
class StoreRepositoryTest {
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static DynamoDbStoreRepository stores;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = NoScanClient.against(dynamo);
        client.createTable(TableSchema.createTableRequest("stores"));
        stores = new DynamoDbStoreRepository(client, "stores");
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    @Test
    void storesRoundTripAreListedByOneQueryAndDeletedOnce() {
        Store main = new Store("main", "Main", "main.myshopify.com", List.of("help@main.example"), List.of(), "#", "", true);
        Store eu = new Store("eu", "EU", "eu.myshopify.com", List.of(), List.of("whatsapp-eu"), "EU-", "-X", false);
        stores.save(main);
        stores.save(eu);
        NoScanClient.OPERATIONS.clear();
        assertThat(stores.find("eu")).contains(eu);
        assertThat(stores.list()).containsExactlyInAnyOrder(main, eu);
        assertThat(NoScanClient.OPERATIONS).containsExactly("GetItem", "Query");
        assertThat(stores.delete("eu")).isTrue();
        assertThat(stores.delete("eu")).isFalse();
        assertThat(stores.find("eu")).isEmpty();
    }
}
