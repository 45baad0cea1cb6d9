package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.ValidationException;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Path parameters, JSON limits and control characters: refused with the field named, in the API's words. */
class RequestHardeningTest {
    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> params, String body) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(routeKey);
        e.setRawPath("/x");
        e.setPathParameters(params);
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        e.setHeaders(headers);
        e.setBody(body);
        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer auth = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "u1", "role", "admin"));
        auth.setJwt(jwt);
        rc.setAuthorizer(auth);
        e.setRequestContext(rc);
        return e;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    @Test
    void everyPathParameterIsCheckedAgainstItsPatternBeforeTheHandler() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Router router = new Router()
                .route("GET /channels/{channelId}", Set.of("admin"), r -> { calls.incrementAndGet(); return ApiResponse.status(204); })
                .route("GET /tickets/{id}/links/{otherId}", Set.of("admin"), r -> { calls.incrementAndGet(); return ApiResponse.status(204); })
                .publicRoute("GET /csat/{token}", r -> { calls.incrementAndGet(); return ApiResponse.status(204); });
        APIGatewayV2HTTPResponse huge = router.handle(event("GET /channels/{channelId}", Map.of("channelId", "a".repeat(3000)), null));
        assertThat(huge.getStatusCode()).isEqualTo(400);
        assertThat(huge.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(json(huge).get("detail").asText()).contains("channelId").doesNotContain("aaaaaaaaaa");
        assertThat(json(huge).get("errors").get(0).get("field").asText()).isEqualTo("channelId");
        assertThat(router.handle(event("GET /channels/{channelId}", Map.of("channelId", "Web\r\nChat"), null)).getStatusCode()).isEqualTo(400);
        assertThat(router.handle(event("GET /tickets/{id}/links/{otherId}", Map.of("id", "1042", "otherId", "tkt_" + "0".repeat(27)), null))
                .getBody()).contains("otherId");
        assertThat(router.handle(event("GET /csat/{token}", Map.of("token", "x".repeat(600) + ".y"), null)).getStatusCode()).isEqualTo(400);
        assertThat(calls).hasValue(0);

        assertThat(router.handle(event("GET /channels/{channelId}", Map.of("channelId", "web-chat"), null)).getStatusCode()).isEqualTo(204);
        assertThat(router.handle(event("GET /tickets/{id}/links/{otherId}", Map.of("id", "#1042", "otherId", "tkt_01kamc4v8z9r3s5t7w2y6x0q1b"), null))
                .getStatusCode()).isEqualTo(204);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aServiceThatChecksAParameterItselfGetsItWithTheBodyAndTheOthersAreStillChecked() {
        Router router = new Router().routeCheckedByService("PUT /channels/{channelId}", Set.of("admin"), Set.of("channelId"),
                r -> { throw new ValidationException(List.of(new ValidationException.FieldError("channelId", "bad"),
                        new ValidationException.FieldError("settings.callbackUrl", "bad"))); });
        assertThat(router.handle(event("PUT /channels/{channelId}", Map.of("channelId", "Bad_Id"), "{}")).getBody())
                .contains("channelId").contains("settings.callbackUrl");
        assertThatThrownBy(() -> new Router().routeCheckedByService("GET /tickets/{id}", Set.of("admin"), Set.of("token"), r -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageRouteShowsItsRefusalsAsAPage() {
        Router router = new Router().publicPage("GET /csat/{token}", r -> ApiResponse.status(200),
                p -> ApiResponse.status(p.status()).header("Content-Type", "text/html").body("<p>" + p.status() + "</p>"));
        APIGatewayV2HTTPResponse r = router.handle(event("GET /csat/{token}", Map.of("token", "abc.def)."), null));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "text/html");
        assertThat(r.getBody()).isEqualTo("<p>400</p>");
    }

    @Test
    void aRouteWhoseParameterHasNoPatternIsRefusedWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> new Router().route("GET /things/{thingId}", Set.of("admin"), r -> ApiResponse.status(204)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thingId");
        assertThat(new Router().pathParameter("thingId", "^[a-z]{1,8}$", "a thing id")
                .route("GET /things/{thingId}", Set.of("admin"), r -> ApiResponse.status(204)).routeKeys()).contains("GET /things/{thingId}");
    }

    /** Bodies an adversary sends; the answer names the place and the limit, never the parser. */
    static List<String> hostileBodies() {
        List<String> out = new ArrayList<>();
        out.add("{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}");
        out.add("{\"subject\":" + "{\"a\":".repeat(70) + "1" + "}".repeat(70) + "}");
        out.add("{\"n\":" + "9".repeat(5000) + "}");
        out.add("{\"n\":1." + "5".repeat(5000) + "e7}");
        out.add("{\"subject\":\"a\",\"subject\":\"b\"}");
        out.add("{\"subject\":");
        out.add("{\"subject\":\"line\nbreak\"}");
        out.add("{\"a\": tru}");
        out.add("{\"a\": 01}");
        out.add("{\"b\":{\"c\":[1,2,}}");
        out.add("\u00ff\u00fe{}");
        out.add("{\"a\":\"\\uD800\"}");
        out.add("{'single': 'quotes'}");
        out.add("{\"a\":1}//comment");
        out.add("{\"a\":NaN}");
        out.add("[]");
        out.add("\"just a string\"");
        return out;
    }

    @Test
    void parserLimitsAreExplainedInTheApisOwnWords() throws Exception {
        Router router = new Router().route("POST /things", Set.of("admin"), r -> {
            JsonBody.parse(r).done();
            return ApiResponse.status(204);
        });
        for (String body : hostileBodies()) {
            APIGatewayV2HTTPResponse r = router.handle(event("POST /things", Map.of(), body));
            assertThat(r.getStatusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isBetween(200, 499);
            assertThat(String.valueOf(r.getBody())).doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("fasterxml")
                    .doesNotContain("StreamReadConstraints").doesNotContain("`").doesNotContain("Exception").doesNotContain("com.");
        }
        JsonNode deep = json(router.handle(event("POST /things", Map.of(), hostileBodies().get(0))));
        assertThat(deep.get("detail").asText()).contains("deeper than 64 levels").contains("/a/0/0");
        JsonNode longNumber = json(router.handle(event("POST /things", Map.of(), hostileBodies().get(2))));
        assertThat(longNumber.get("detail").asText()).contains("longer than 1000 characters").contains("/n");
        JsonNode duplicate = json(router.handle(event("POST /things", Map.of(), hostileBodies().get(4))));
        assertThat(duplicate.get("detail").asText()).contains("\"subject\" appears more than once");
    }

    @Test
    void singleLineFieldsRefuseControlCharactersAndMultiLineTextKeepsLineBreaksOnly() {
        APIGatewayV2HTTPEvent e = event("POST /t", Map.of(), "{\"subject\":\"Hi\\r\\nBcc: x@evil.example\",\"tags\":[\"ok\",\"b\\u0000d\"],"
                + "\"settings\":{\"name\":\"a\\tb\"},\"requester\":{\"name\":\"Nina\\u2028Weber\"},\"group\":\"tier\\u00852\","
                + "\"body\":\"line 1\\r\\nline 2\\ttabbed\\u0007\\u001b[31m\\rend\"}");
        JsonBody b = JsonBody.parse(new ApiRequest(e, null, ApiRequest.decodeBody(e)));
        b.string("subject");
        b.stringList("tags");
        b.stringMap("settings");
        b.object("requester").string("name");
        b.string("group");
        assertThat(b.text("body")).isEqualTo("line 1\nline 2\ttabbed[31m\nend");
        assertThatThrownBy(b::done).isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.errors())
                .extracting(ValidationException.FieldError::field)
                .containsExactlyInAnyOrder("subject", "tags[1]", "settings.name", "requester.name", "group"));
    }

    @Test
    void theSameJsonReorderedOrReformattedHasTheSameFingerprint() {
        String a = "{\"subject\":\"Hi\",\"requester\":{\"email\":\"a@b.example\",\"name\":\"A\"},\"tags\":[\"x\",\"y\"],\"n\":1.50}";
        String b = "{\n  \"tags\": [ \"x\", \"y\" ],\n  \"n\": 15e-1,\n  \"requester\": {\"name\": \"A\", \"email\": \"a@b.example\"},\n  \"subject\": \"\\u0048i\"\n}";
        assertThat(CanonicalJson.fingerprint(b.getBytes())).isEqualTo(CanonicalJson.fingerprint(a.getBytes()));
        assertThat(CanonicalJson.fingerprint(a.replace("\"y\"]", "\"y\",\"z\"]").getBytes())).isNotEqualTo(CanonicalJson.fingerprint(a.getBytes()));
        assertThat(CanonicalJson.fingerprint("{\"tags\":[\"y\",\"x\"]}".getBytes())).as("array order matters")
                .isNotEqualTo(CanonicalJson.fingerprint("{\"tags\":[\"x\",\"y\"]}".getBytes()));
        assertThat(CanonicalJson.fingerprint("{\"n\":1}".getBytes())).isEqualTo(CanonicalJson.fingerprint("{\"n\":1.0}".getBytes()));
        assertThat(CanonicalJson.fingerprint("{\"n\":1e999999999}".getBytes())).hasSize(64);
    }
}
