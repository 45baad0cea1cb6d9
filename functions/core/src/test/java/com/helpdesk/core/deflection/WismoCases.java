package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentSource;

import java.time.Instant;
import java.util.List;

/** The shop data of the deflection tests: shaped as the Shopify adapter maps Admin GraphQL (the local stub's demo shop). */
final class WismoCases {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Fulfillment IN_TRANSIT = new Fulfillment("SUCCESS", "DHL Express", "JD014600006281234567",
            "https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600006281234567", "IN_TRANSIT", null,
            Instant.parse("2026-12-03T18:00:00Z"));
    static final Fulfillment DELIVERED = new Fulfillment("SUCCESS", "UPS", "1Z999AA10123456784", null, "DELIVERED",
            Instant.parse("2026-11-25T17:45:00Z"));
    static final Fulfillment UNTRACKED = new Fulfillment("SUCCESS", null, null, null, "FULFILLED", null);

    private WismoCases() {}

    static ShopOrder order(String name, String createdAt, List<Fulfillment> fulfillments, MatchedBy... by) {
        return new ShopOrder("gid://shopify/Order/" + name.substring(1), name, Instant.parse(createdAt), "PAID",
                fulfillments.isEmpty() ? "UNFULFILLED" : "FULFILLED", null, "89.90", "EUR", List.of(), null, fulfillments, List.of(), List.of(by));
    }

    static OrderContext context(List<String> customerTags, ShopOrder... orders) {
        return new OrderContext("demo", OrderContext.Status.OK, null, NOW,
                new ShopCustomer("gid://shopify/Customer/7001", "Ana Demo", "ana@example.com", null, 4, "255.40", "EUR", customerTags),
                List.of(orders));
    }

    static Intent wismo(double confidence) {
        return new Intent(IntentName.WISMO, confidence, IntentSource.AUTO, "en", "maxent-test", List.of(), null, NOW);
    }

    static Store store(boolean wismo) {
        return new Store("demo", "Demo", "demo.myshopify.com", List.of(), List.of(), "#", "", true, new Store.AutoAnswer(wismo));
    }
}
