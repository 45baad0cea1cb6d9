package com.helpdesk.orderlookup;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderLookup;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreSecrets;
import com.helpdesk.core.orders.StoreSelection;
import com.helpdesk.core.orders.StoreService;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.OrderContextRepresentation;
import com.helpdesk.http.Router;
import com.helpdesk.http.TextFields;
import com.helpdesk.http.TicketRepresentation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stores admin API (admins only: a store's secrets are written here, never read back) and the customer
 * profile agents open from a ticket: the customer's tickets (the requester index) with their Shopify customer
 * and orders (through the per-customer cache, so opening a profile twice costs one Admin API call).
 */
final class OrderRoutes {
    private static final Set<String> ADMIN = Set.of(Caller.ADMIN);
    private static final Set<String> STAFF = Set.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<String> STORE_FIELDS = Set.of("name", "shopDomain", "supportAddresses", "channels", "orderNamePrefix",
            "orderNameSuffix", "default", "secrets", "autoAnswer");
    private static final Set<String> AUTO_ANSWER_FIELDS = Set.of("wismo");
    private static final Set<String> CUSTOMER_PARAMS = Set.of("store", "limit", "cursor");
    private static final int MAX_QUERY_VALUE = 1024;

    private final StoreService stores;
    private final OrderLookup lookup;
    private final TicketQueries tickets;

    private OrderRoutes(StoreService stores, OrderLookup lookup, TicketQueries tickets) {
        this.stores = stores;
        this.lookup = lookup;
        this.tickets = tickets;
    }

    static Router router(StoreService stores, OrderLookup lookup, TicketQueries tickets) {
        OrderRoutes r = new OrderRoutes(stores, lookup, tickets);
        return new Router()
                .route("GET /stores", ADMIN, r::listStores)
                .route("GET /stores/{storeId}", ADMIN, req -> ApiResponse.json(200, store(stores.get(req.pathParameter("storeId")))))
                // Store.validated checks the id with the other fields, so every wrong field comes in one answer
                .routeCheckedByService("PUT /stores/{storeId}", ADMIN, Set.of("storeId"), r::putStore)
                .route("DELETE /stores/{storeId}", ADMIN, req -> {
                    stores.delete(req.pathParameter("storeId"));
                    return ApiResponse.status(204);
                })
                .route("GET /customers/{customer}", STAFF, r::customer);
    }

    private ApiResponse listStores(ApiRequest req) {
        onlyParameters(req, Set.of());
        return ApiResponse.json(200, Map.of("items", stores.list().stream().map(OrderRoutes::store).toList()));
    }

    private ApiResponse putStore(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(STORE_FIELDS, Set.of("id", "secretsSet", "webhookPath"));
        Store candidate = new Store(req.pathParameter("storeId"), body.string("name"), body.string("shopDomain"),
                body.stringList("supportAddresses"), body.stringList("channels"), body.string("orderNamePrefix"), body.string("orderNameSuffix"),
                Boolean.TRUE.equals(body.bool("default")), autoAnswer(body.object("autoAnswer")));
        Map<String, String> secrets = body.stringMap("secrets");
        body.done();
        var result = stores.put(candidate, secrets);
        return ApiResponse.json(result.getValue() ? 201 : 200, store(result.getKey())).header("Location", "/stores/" + result.getKey().id());
    }

    /** {@code {"wismo": true}}; absent (a PUT replaces the store) or a field left out is off. */
    private static Store.AutoAnswer autoAnswer(JsonBody settings) {
        if (settings == null) return Store.AutoAnswer.OFF;
        settings.allowOnly(AUTO_ANSWER_FIELDS, Set.of());
        return new Store.AutoAnswer(Boolean.TRUE.equals(settings.bool("wismo")));
    }

    /** A store as admins see it: never its secrets, only which ones it holds. */
    static Map<String, Object> store(Store s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("shopDomain", s.shopDomain());
        m.put("supportAddresses", s.supportAddresses());
        m.put("channels", s.channels());
        m.put("orderNamePrefix", s.orderNamePrefix());
        m.put("orderNameSuffix", s.orderNameSuffix());
        m.put("default", s.isDefault());
        m.put("autoAnswer", Map.of("wismo", s.autoAnswer().wismo()));
        m.put("secretsSet", new TreeSet<>(StoreSecrets.REQUIRED));
        m.put("webhookPath", "/webhooks/shopify/" + s.id());
        return m;
    }

    private ApiResponse customer(ApiRequest req) {
        onlyParameters(req, CUSTOMER_PARAMS);
        String identity = Requester.normaliseIdentity(req.pathParameter("customer"));
        boolean email = identity != null && identity.contains("@");
        Requester requester;
        try {
            requester = Requester.of("customer", email ? identity : null, email ? null : identity, null, null);
        } catch (ValidationException e) {
            throw new ValidationException("customer", "must be an email address or a phone number (E.164, such as +4915112345678)");
        }
        Integer limit = limit(req);
        TicketPage page = tickets.list(new TicketQuery(null, null, requester.identities().get(0), null), limit, req.query("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customer", requester.identities().get(0));
        out.put("tickets", TicketRepresentation.summaries(page.items()));
        out.put("nextCursor", page.nextCursor());
        Optional<Store> store = req.query("store") != null ? Optional.of(stores.get(req.query("store")))
                : StoreSelection.forTicket(stores.list(), List.of(), null);
        out.put("shopify", store.map(s -> OrderContextRepresentation.of(shopify(s, requester))).orElse(null));
        return ApiResponse.json(200, out);
    }

    /** The store's customer and orders; a failing store is shown as unavailable with the reason, never as an error of the profile. */
    private OrderContext shopify(Store store, Requester requester) {
        try {
            return lookup.lookup(new OrderLookup.Request(store, requester.email(), requester.phone(), null, null), Optional.empty());
        } catch (OrderDirectoryException e) {
            return new OrderContext(store.id(), OrderContext.Status.UNAVAILABLE, e.reason(), null, null, List.of());
        }
    }

    private static void onlyParameters(ApiRequest req, Set<String> allowed) {
        for (Map.Entry<String, String> p : req.queryParameters().entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw new ValidationException(p.getKey(), "is not a known query parameter (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            String v = p.getValue() == null ? "" : p.getValue();
            if (v.length() > MAX_QUERY_VALUE || !TextFields.isSingleLine(v)) {
                throw new ValidationException(p.getKey(), "must be at most " + MAX_QUERY_VALUE + " characters, without control characters");
            }
        }
    }

    private static Integer limit(ApiRequest req) {
        if (req.query("limit") == null) return null;
        try {
            return Integer.parseInt(req.query("limit"));
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and " + TicketQueries.MAX_PAGE_SIZE);
        }
    }
}
