package com.helpdesk.orderlookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.Router;
import com.helpdesk.runtime.Invocation;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.shopify.ShopifyWebhookPayloads;
import com.helpdesk.shopify.ShopifyWebhookReception;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The public Shopify webhook route (the HMAC signature is the credential): 200 once the webhook is queued, also
 * for a redelivery and a topic the helpdesk does not use (Shopify would otherwise retry them); 404 unknown store,
 * 401 bad signature or another shop, 400 unreadable, 413 over 5 MiB; nothing is stored then.
 */
public final class ShopifyWebhookHandler implements RequestStreamHandler {
    /**
     * Shopify sends the whole order, whatever its size: an order of a few hundred line items is well over the API's
     * 256 KiB. Up to 5 MiB are taken, within Lambda's 6 MB synchronous payload; only who the webhook is about is kept.
     */
    static final int MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

    private final Router router;

    public ShopifyWebhookHandler() {
        this(ShopifyWebhookWiring.fromEnvironment());
    }

    private ShopifyWebhookHandler(ShopifyWebhookWiring wiring) {
        this(wiring.reception());
        SnapStartPriming.register(() -> ShopifyWebhookPriming.prime(wiring.reception()));
    }

    public ShopifyWebhookHandler(ShopifyWebhookReception reception) {
        this.router = new Router().publicRoute("POST /webhooks/shopify/{storeId}", MAX_WEBHOOK_BYTES, req -> receive(reception, req));
    }

    private static ApiResponse receive(ShopifyWebhookReception reception, ApiRequest req) {
        try {
            ShopifyWebhookReception.Received r = reception.receive(req.pathParameter("storeId"), req.headers(), req.body());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("topic", r.topic());
            out.put("accepted", r.enqueued());
            out.put("duplicate", r.duplicate());
            return ApiResponse.json(200, out);
        } catch (ShopifyWebhookReception.UnknownStore e) {
            throw new HttpProblem(404, "not-found", "Not Found", e.getMessage());
        } catch (ShopifyWebhookReception.Refused e) {
            throw new HttpProblem(401, "bad-signature", "Unauthorized", e.getMessage());
        } catch (ShopifyWebhookPayloads.Malformed e) {
            throw new HttpProblem(400, "bad-request", "Bad Request", e.getMessage());
        }
    }

    /** Lambda's entry: the raw event, read with the project's Jackson (HttpApiEvents). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiEvents.serve(input, output, event -> handle(event, context));
    }

    /** One request, read. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return Invocation.handle(context, () -> router.handle(event));
    }
}
