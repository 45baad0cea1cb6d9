package com.helpdesk.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.orders.OrderContext.ShopCustomer;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import com.helpdesk.core.orders.OrderBuyers;
import com.helpdesk.core.orders.OrderDirectory;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderDirectoryException.Kind;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreSecrets;
import com.helpdesk.core.port.SecretStore;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@link OrderDirectory} on Shopify's Admin GraphQL API, with each store's Admin API token from the secret store. */
public final class ShopifyOrderDirectory implements OrderDirectory, OrderBuyers {
    /** Webhooks carry an order's numeric id (REST's); GraphQL names it by its GID. */
    private static final java.util.regex.Pattern ORDER_ID = java.util.regex.Pattern.compile("^[0-9]{1,20}$");

    /** Within a Lambda invocation we sit out at most this much throttle; longer waits go back to the queue. */
    static final Duration MAX_THROTTLE_WAIT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);

    private final AdminGraphqlClient client;
    private final Function<Store, Optional<String>> tokens;

    ShopifyOrderDirectory(AdminGraphqlClient client, Function<Store, Optional<String>> tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** The production wiring: {@code endpointOverride} is null for real shops, the stub's base URL locally. */
    public static ShopifyOrderDirectory create(SecretStore secrets, String secretPrefix, String endpointOverride) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
        CostThrottle throttle = new CostThrottle(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), MAX_THROTTLE_WAIT);
        AdminGraphqlClient client = new AdminGraphqlClient(http, endpointOverride, throttle, REQUEST_TIMEOUT);
        return new ShopifyOrderDirectory(client, store -> secrets.get(StoreSecrets.name(secretPrefix, store.id(), StoreSecrets.ADMIN_API_TOKEN)));
    }

    @Override
    public Found byEmail(Store store, String email) throws OrderDirectoryException {
        Found found = customer(store, ShopifyQueries.term("email", email));
        if (found.customer() != null) return found;
        // A guest checkout has orders with this email and no customer account.
        return new Found(null, orders(store, ShopifyQueries.term("email", email), ShopifyQueries.ORDERS));
    }

    @Override
    public Found byPhone(Store store, String phone) throws OrderDirectoryException {
        return customer(store, ShopifyQueries.term("phone", phone));
    }

    @Override
    public List<ShopOrder> byOrderNames(Store store, Set<String> names) throws OrderDirectoryException {
        if (names.isEmpty()) return List.of();
        List<String> terms = new ArrayList<>();
        for (String name : names) terms.add(ShopifyQueries.term("name", name));
        List<ShopOrder> found = orders(store, String.join(" OR ", terms), names.size());
        // Shopify's name search also matches prefixes of other names; keep the exact ones.
        return found.stream().filter(o -> names.contains(o.name())).toList();
    }

    @Override
    public Optional<Buyer> buyerOf(Store store, String orderId) throws OrderDirectoryException {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) return Optional.empty();
        JsonNode data = client.execute(store.shopDomain(), token(store), ShopifyQueries.ORDER_BUYER, Map.of("id", "gid://shopify/Order/" + orderId));
        JsonNode order = data.path("order");
        if (!order.isObject()) return Optional.empty();
        JsonNode customer = order.path("customer");
        String email = first(text(order.path("email")), text(customer.path("defaultEmailAddress").path("emailAddress")));
        String phone = first(text(order.path("phone")), text(customer.path("defaultPhoneNumber").path("phoneNumber")));
        return email == null && phone == null ? Optional.empty() : Optional.of(new Buyer(email, phone));
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText().strip() : null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private Found customer(Store store, String query) throws OrderDirectoryException {
        JsonNode data = client.execute(store.shopDomain(), token(store), ShopifyQueries.CUSTOMER, Map.of("query", query));
        JsonNode nodes = data.path("customers").path("nodes");
        if (!nodes.isArray() || nodes.isEmpty()) return Found.NONE;
        JsonNode c = nodes.get(0);
        ShopCustomer customer = ShopifyMapping.customer(c);
        return new Found(customer, ShopifyMapping.orders(c.path("orders").path("nodes")));
    }

    private List<ShopOrder> orders(Store store, String query, int first) throws OrderDirectoryException {
        JsonNode data = client.execute(store.shopDomain(), token(store), ShopifyQueries.ORDERS_QUERY, Map.of("query", query, "first", first));
        return ShopifyMapping.orders(data.path("orders").path("nodes"));
    }

    private String token(Store store) throws OrderDirectoryException {
        return tokens.apply(store).orElseThrow(() -> new OrderDirectoryException(Kind.NOT_CONFIGURED,
                "shopify: store " + store.id() + " has no adminApiToken; set it with PUT /stores/" + store.id()));
    }
}
