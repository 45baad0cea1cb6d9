package com.helpdesk.core.orders;

import com.helpdesk.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StoreTest {
    @Test
    void namesEveryWrongField() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Store.validated("Main Store", "",
                "demo.com", List.of("not-an-address"), List.of("Chat 1"), "way-too-long-prefix", null, true));
        assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                .containsExactly("storeId", "name", "shopDomain", "supportAddresses[0]", "channels[0]", "orderNamePrefix");
    }

    @Test
    void acceptsAShopifyDomainOnly() {
        assertThat(Store.validated("main", "Main", "demo-shop.myshopify.com", null, null, null, null, true).orderName("1001")).isEqualTo("#1001");
        for (String bad : List.of("demo.myshopify.com.evil.com", "https://demo.myshopify.com", "shop.example.com", "Demo.myshopify.com")) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> Store.validated("main", "Main", bad, null, null, null, null, true))
                    .errors()).extracting(ValidationException.FieldError::field).containsExactly("shopDomain");
        }
    }

    @Test
    void aTicketsStoreIsTheOneItCameInOnTheDefaultOtherwise() {
        Store main = new Store("main", "Main", "main.myshopify.com", List.of("help@main.example"), List.of(), "#", "", true);
        Store eu = new Store("eu", "EU", "eu.myshopify.com", List.of("Help@EU.example"), List.of("whatsapp-eu"), "EU-", "", false);
        List<Store> stores = List.of(main, eu);
        assertThat(StoreSelection.forTicket(stores, List.of("help@eu.example"), null)).contains(eu);
        assertThat(StoreSelection.forTicket(stores, List.of(), "whatsapp-eu")).contains(eu);
        assertThat(StoreSelection.forTicket(stores, List.of("other@x.example"), "web")).contains(main);
        assertThat(StoreSelection.forTicket(List.of(eu, new Store("us", "US", "us.myshopify.com", null, null, null, null, false)),
                List.of(), null)).isEmpty();
        assertThat(StoreSelection.forTicket(List.of(eu), List.of(), null)).contains(eu);
    }
}
