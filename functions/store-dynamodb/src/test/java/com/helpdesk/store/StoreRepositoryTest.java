package com.helpdesk.store;

import com.helpdesk.core.orders.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores against DynamoDB Local: GetItem for one, one Query for all, never a Scan. */
class StoreRepositoryTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("stores");
    private static DynamoDbClient client;
    private static DynamoDbStoreRepository stores;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        stores = new DynamoDbStoreRepository(client, "stores");
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
