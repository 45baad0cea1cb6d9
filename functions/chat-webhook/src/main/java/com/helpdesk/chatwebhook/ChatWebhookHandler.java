package com.helpdesk.chatwebhook;

import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.helpdesk.http.HttpApiEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.helpdesk.chat.ChatPayloads;
import com.helpdesk.chat.WebhookReception;
import com.helpdesk.chat.WebhookSignatures;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.PrimingRequests;
import com.helpdesk.runtime.SnapStartPriming;
import com.helpdesk.http.Router;

import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Public chat webhook routes (the provider's signature is the credential): POST delivers messages and
 * status callbacks, GET answers WhatsApp's verification handshake. 202 once enqueued; 404 unknown
 * channel, 401 bad or stale signature, 400 unreadable payload, 413 too large; nothing is stored then.
 */
public final class ChatWebhookHandler implements RequestStreamHandler {
    private final Router router;

    public ChatWebhookHandler() {
        this(ChatWebhookWiring.fromEnvironment());
    }

    private ChatWebhookHandler(ChatWebhookWiring wiring) {
        this(wiring.reception());
        SnapStartPriming.register(() -> {
            wiring.primer().run();
            primeRoutes();
        });
    }

    public ChatWebhookHandler(WebhookReception reception) {
        this.router = new Router()
                .publicRoute("POST /webhooks/chat/{channelId}", req -> receive(reception, req))
                .publicRoute("GET /webhooks/chat/{channelId}", req -> verify(reception, req));
    }

    /**
     * SnapStart priming, read-only: the verification route on a channel id no channel can have (refused at the path check, before any
     * read), so the router and the problem+json answer are loaded. A delivery would enqueue, so none is routed.
     */
    void primeRoutes() {
        PrimingRequests.get(router, "GET /webhooks/chat/{channelId}", "/webhooks/chat/" + ChatWebhookPriming.NEVER_CHANNEL);
    }

    private static ApiResponse receive(WebhookReception reception, ApiRequest req) {
        try {
            int n = reception.receive(req.pathParameter("channelId"), req.headers(), req.body(), req.url());
            return ApiResponse.json(202, Map.of("accepted", n));
        } catch (WebhookReception.UnknownChannel e) {
            throw new HttpProblem(404, "not-found", "Not Found", e.getMessage());
        } catch (WebhookSignatures.Refused e) {
            throw new HttpProblem(401, "bad-signature", "Unauthorized", e.getMessage());
        } catch (ChatPayloads.Malformed e) {
            throw new HttpProblem(400, "bad-request", "Bad Request", e.getMessage());
        }
    }

    private static ApiResponse verify(WebhookReception reception, ApiRequest req) {
        try {
            return reception.verify(req.pathParameter("channelId"), req.queryParameters())
                    .map(challenge -> ApiResponse.status(200).header("Content-Type", "text/plain").body(challenge))
                    .orElseThrow(() -> new HttpProblem(403, "forbidden", "Forbidden", "hub.mode or hub.verify_token is wrong"));
        } catch (WebhookReception.UnknownChannel e) {
            throw new HttpProblem(404, "not-found", "Not Found", e.getMessage());
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
