package com.helpdesk.shopify;

import com.helpdesk.core.orders.OrderWebhook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.helpdesk.shopify.ShopifyWebhookReceptionTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who a webhook is about, from Shopify's REST webhook payloads (events/shopify). */
class ShopifyWebhookPayloadsTest {
    @Test
    void anOrderNamesItsEmailItsCustomerAndItself() throws Exception {
        OrderWebhook w = ShopifyWebhookPayloads.read("demo", "orders/updated", "e1", sample("orders-updated.json"));
        assertThat(w.email()).as("the order's own email before the customer's").isEqualTo("jon@example.com");
        assertThat(w.customerId()).as("beyond a double's precision, kept exact").isEqualTo("115310627314723954");
        assertThat(w.orderId()).isEqualTo("820982911946154508");
        assertThat(w.phone()).isNull();
    }

    @Test
    void aFulfillmentNamesItsOrderAndEmailAndARefundItsOrderOnly() throws Exception {
        OrderWebhook f = ShopifyWebhookPayloads.read("demo", "fulfillments/create", "e2", sample("fulfillments-create.json"));
        assertThat(f.orderId()).isEqualTo("450789469");
        assertThat(f.email()).isEqualTo("jon@example.com");
        assertThat(f.phone()).as("the destination's phone is the recipient's, not necessarily the customer's").isNull();
        OrderWebhook r = ShopifyWebhookPayloads.read("demo", "refunds/create", "e3", sample("refunds-create.json"));
        assertThat(r.orderId()).isEqualTo("820982911946154508");
        assertThat(r.email()).isNull();
    }

    @Test
    void thePrivacyTopicsNameTheCustomerAndTheirOrders() throws Exception {
        OrderWebhook redact = ShopifyWebhookPayloads.read("demo", "customers/redact", "e4", sample("customers-redact.json"));
        assertThat(redact).isEqualTo(new OrderWebhook("demo", "customers/redact", "e4", "191167", "john@example.com", "555-625-1199", null,
                List.of("299938", "280263", "220458")));
        OrderWebhook export = ShopifyWebhookPayloads.read("demo", "customers/data_request", "e5", sample("customers-data_request.json"));
        assertThat(export.email()).isEqualTo("john@example.com");
        assertThat(export.ordersToRedact()).as("orders_requested").containsExactly("299938", "280263", "220458");
        OrderWebhook shop = ShopifyWebhookPayloads.read("demo", "shop/redact", "e6", sample("shop-redact.json"));
        assertThat(shop.kind()).isEqualTo(OrderWebhook.Kind.SHOP_REDACT);
        assertThat(ShopifyWebhookPayloads.shopDomain(sample("shop-redact.json"))).isEqualTo("demo.myshopify.com");
    }

    @Test
    void aCustomerUpdateIsTheCustomerItself() throws Exception {
        byte[] body = "{\"id\":706405506930370084,\"email\":\"Bob@Example.com\",\"phone\":\"+13125551212\",\"first_name\":\"Bob\"}".getBytes(StandardCharsets.UTF_8);
        OrderWebhook w = ShopifyWebhookPayloads.read("demo", "customers/update", "e7", body);
        assertThat(w.customerId()).isEqualTo("706405506930370084");
        assertThat(w.email()).isEqualTo("Bob@Example.com");
        assertThat(w.phone()).isEqualTo("+13125551212");
    }

    @Test
    void aRedactionThatNamesNobodyOrABodyThatIsNoObjectIsMalformed() {
        assertThatThrownBy(() -> ShopifyWebhookPayloads.read("demo", "customers/redact", "e", "{\"shop_domain\":\"demo.myshopify.com\",\"customer\":{}}"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("customer must have an id, email or phone");
        assertThatThrownBy(() -> ShopifyWebhookPayloads.read("demo", "orders/create", "e", "[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the body must be a JSON object");
    }
}
