package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's reading of HTTP API events against Lambda's own serializer, on every real-shaped event of the repository. */
class HttpApiEventsTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));

    static Stream<Path> apiEvents() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("events/api"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("apiEvents")
    void readsEveryEventAsLambdasSerializerDoes(Path file) throws IOException {
        APIGatewayV2HTTPEvent lambdas = EventLoader.loadApiGatewayHttpEvent(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(HttpApiEvents.read(in)).isEqualTo(lambdas);
        }
    }

    @Test
    void readsEveryFieldOfTheFormatWithCookiesBase64AndLambdaAuthorizerContext() throws IOException {
        String json = """
                {"version":"2.0","routeKey":"POST /chat/{channelId}","rawPath":"/chat/acme","rawQueryString":"a=1&b=2",
                 "cookies":["c1=v1","c2=v2"],"headers":{"content-type":"application/json"},
                 "queryStringParameters":{"a":"1","b":"2"},"pathParameters":{"channelId":"acme"},"stageVariables":{"s":"v"},
                 "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"d.example","domainPrefix":"d",
                   "http":{"method":"POST","path":"/chat/acme","protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"agent"},
                   "authorizer":{"lambda":{"tenant":"acme","limits":{"n":3}},
                                 "jwt":{"claims":{"exp":1795344600,"email_verified":true,"groups":["agent","lead"]},"scopes":["read"]}},
                   "requestId":"id-1","routeKey":"POST /chat/{channelId}","stage":"$default","time":"t","timeEpoch":1795341603012},
                 "body":"eyJhIjoxfQ==","isBase64Encoded":true}""";
        APIGatewayV2HTTPEvent e = read(json);

        assertThat(e.getCookies()).containsExactly("c1=v1", "c2=v2");
        assertThat(e.getIsBase64Encoded()).isTrue();
        assertThat(e.getBody()).isEqualTo("eyJhIjoxfQ==");
        assertThat(e.getStageVariables()).isEqualTo(Map.of("s", "v"));
        assertThat(e.getRequestContext().getTimeEpoch()).isEqualTo(1795341603012L);
        assertThat(e.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.1");
        assertThat(e.getRequestContext().getAuthorizer().getLambda()).isEqualTo(Map.of("tenant", "acme", "limits", Map.of("n", 3)));
        assertThat(e.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("exp", "1795344600").containsEntry("email_verified", "true").containsEntry("groups", "[\"agent\",\"lead\"]");
        assertThat(e.getRequestContext().getAuthorizer().getJwt().getScopes()).containsExactly("read");
    }

    @Test
    void anAbsentFieldStaysNull() throws IOException {
        APIGatewayV2HTTPEvent e = read("{\"routeKey\":\"GET /tickets\"}");

        assertThat(e.getRouteKey()).isEqualTo("GET /tickets");
        assertThat(e.getHeaders()).isNull();
        assertThat(e.getRequestContext()).isNull();
        assertThat(e.getIsBase64Encoded()).isFalse();
    }

    @Test
    void inputThatIsNoEventIsRefusedNamingWhy() {
        assertThatThrownBy(() -> read("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void servingInputThatIsNoEventAnswers400WithProblemJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpApiEvents.serve(new ByteArrayInputStream("{\"routeKey\":".getBytes(StandardCharsets.UTF_8)), out,
                e -> { throw new AssertionError("no event to handle"); });

        JsonNode response = Json.mapper().readTree(out.toByteArray());
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
        assertThat(Json.mapper().readTree(response.get("body").asText()).get("detail").asText()).startsWith("the event is not JSON");
    }

    @Test
    void writesTheResponseAsApiGatewayReadsIt() throws IOException {
        APIGatewayV2HTTPResponse r = ApiResponse.json(201, Map.of("id", "tkt_1")).header("ETag", "\"1\"").toEvent();
        r.setCookies(List.of("a=b"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        HttpApiEvents.write(r, out);

        JsonNode written = Json.mapper().readTree(out.toByteArray());
        assertThat(written.get("statusCode").asInt()).isEqualTo(201);
        assertThat(written.get("headers").get("ETag").asText()).isEqualTo("\"1\"");
        assertThat(written.get("cookies").get(0).asText()).isEqualTo("a=b");
        assertThat(written.get("body").asText()).isEqualTo("{\"id\":\"tkt_1\"}");
        assertThat(written.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(written.has("multiValueHeaders")).isFalse();
    }

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpApiEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
