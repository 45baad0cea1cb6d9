package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ticket.Priority;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSupportTest {

    @Test
    void rolesComeFromARoleClaimOrCognitoGroupsAsApiGatewayRendersThem() {
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", "[admin agent]")).roles())
                .containsExactlyInAnyOrder("admin", "agent");
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "role", "agent")).roles()).containsAnyOf("agent", "admin");
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", "[\"integration\"]")).roles()).containsExactly("integration");
        assertThat(Caller.fromClaims(Map.of("sub", "u1")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("role", "agent"))).isNull();
        assertThat(Caller.fromClaims(null)).isNull();
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertThat(ETags.expectedVersion(null)).isEmpty();
        assertThat(ETags.expectedVersion("*")).isEmpty();
        assertThat(ETags.expectedVersion("\"7\"")).isEqualTo(OptionalLong.of(7));
        assertThat(ETags.expectedVersion("7")).isEqualTo(OptionalLong.of(7));
        assertThat(ETags.expectedVersion("W/\"7\"")).isEqualTo(OptionalLong.of(-1));
        assertThat(ETags.expectedVersion("\"abc\"")).isEqualTo(OptionalLong.of(-1));
        assertThatThrownBy(() -> ETags.expectedVersion("\"1\", \"2\"")).isInstanceOf(HttpProblem.class);
        assertThat(ETags.noneMatchHits("W/\"3\", \"4\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("\"4\"", 3)).isFalse();
    }

    private static ApiRequest request(String contentType, String body) {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) headers.put("content-type", contentType);
        e.setHeaders(headers);
        e.setBody(body);
        return new ApiRequest(e, new Caller("u1", Set.of("agent"), null, null), ApiRequest.decodeBody(e));
    }

    @Test
    void jsonBodiesAreReadStrictlyAndReportEveryProblemAtOnce() {
        JsonBody b = JsonBody.parse(request("application/json; charset=utf-8",
                "{\"subject\": 1, \"priority\": \"soon\", \"tags\": [\"a\", 2], \"extra\": true, \"id\": \"x\"}"));
        b.allowOnly(Set.of("subject", "priority", "tags"), Set.of("id"));
        b.string("subject");
        b.enumValue("priority", Priority::parse);
        b.stringList("tags");
        assertThatThrownBy(b::done).isInstanceOf(ValidationException.class).satisfies(e -> assertThat(
                ((ValidationException) e).errors()).extracting(ValidationException.FieldError::field)
                .containsExactlyInAnyOrder("subject", "priority", "tags[1]", "extra", "id"));
    }

    @Test
    void bodiesMustBeJsonObjectsOfAJsonMediaType() {
        assertThatThrownBy(() -> JsonBody.parse(request("text/plain", "{}")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(415));
        assertThatThrownBy(() -> JsonBody.parse(request(null, "{}")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(415));
        assertThatThrownBy(() -> JsonBody.parse(request("application/json", "")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> JsonBody.parse(request("application/json", "{\"a\":1,\"a\":2}")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.detail()).contains("not valid JSON"));
        assertThatThrownBy(() -> JsonBody.parse(request("application/json", "[" .repeat(100) + "]".repeat(100))))
                .isInstanceOf(HttpProblem.class);
        assertThat(JsonBody.parse(request("application/merge-patch+json", "{\"a\":null}")).isNull("a")).isTrue();
    }

    @Test
    void unexpectedErrorsBecomeA500WithoutInternals() {
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setRouteKey("GET /boom");
        e.setRawPath("/boom");
        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        rc.setRequestId("req-1");
        APIGatewayV2HTTPEvent.RequestContext.Authorizer auth = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", "u1", "role", "agent"));
        auth.setJwt(jwt);
        rc.setAuthorizer(auth);
        e.setRequestContext(rc);
        var response = new Router().route("GET /boom", Set.of("agent"), r -> {
            throw new IllegalStateException("secret connection string");
        }).handle(e);
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("req-1").doesNotContain("secret").doesNotContain("IllegalState");
    }

    @Test
    void aBusyTicketIsA503WithRetryAfter() {
        HttpProblem p = Problems.from(new com.helpdesk.core.ContentionException("the ticket is busy", java.time.Duration.ofMillis(1500)));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.type()).isEqualTo("ticket-busy");
        assertThat(p.headers()).containsEntry("Retry-After", "2");
        assertThat(p.detail()).isEqualTo("the ticket is busy");
    }
}
