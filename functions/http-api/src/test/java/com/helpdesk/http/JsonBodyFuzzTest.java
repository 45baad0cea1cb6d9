package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.ticket.Priority;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of JSON request bodies: arbitrary bytes, sent as the body of a route that reads them as
 * the real routes do (strings, numbers, lists, maps, nested objects, an enum, unknown fields), through the
 * {@link Router} so what is checked is what a client gets. Regression mode (seeds in
 * src/test/resources/com/helpdesk/http/JsonBodyFuzzTestInputs/body) in the normal build; {@code JAZZER_FUZZ=1}
 * fuzzes. The contract: a 2xx or a 4xx problem, never a 5xx.
 */
class JsonBodyFuzzTest {
    private static final Router ROUTER = new Router().publicRoute("POST /fuzz", JsonBodyFuzzTest::readLikeARoute);

    @FuzzTest(maxDuration = "60s")
    void body(FuzzedDataProvider data) {
        boolean base64 = data.consumeBoolean();
        boolean encoded = data.consumeBoolean();
        String contentType = data.pickValue(new String[] {"application/json", "application/merge-patch+json; charset=utf-8", "text/plain"});
        byte[] body = data.consumeRemainingAsBytes();
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /fuzz");
        event.setRawPath("/fuzz");
        event.setHeaders(Map.of("content-type", contentType));
        event.setIsBase64Encoded(base64);
        // a base64 flag on bytes that are not base64 is what a broken proxy would send: a 400 too
        event.setBody(base64 && encoded ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response = ROUTER.handle(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 499);
    }

    private static ApiResponse readLikeARoute(ApiRequest request) {
        JsonBody b = JsonBody.parse(request).allowOnly(Set.of("subject", "priority", "tags", "fields", "count", "score", "requester", "attachments"), Set.of("id"));
        b.requiredString("subject");
        b.enumValue("priority", Priority::parse);
        b.stringList("tags");
        b.stringMap("fields");
        b.integer("count");
        b.number("score");
        JsonBody requester = b.object("requester");
        if (requester != null) requester.string("email");
        var attachments = b.objectList("attachments");
        if (attachments != null) attachments.forEach(a -> a.string("filename"));
        b.done();
        return ApiResponse.status(204);
    }
}
