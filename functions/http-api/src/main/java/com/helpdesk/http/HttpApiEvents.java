package com.helpdesk.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.LambdaEventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP API's payload format 2.0, read and written with the project's Jackson, for handlers that take Lambda's raw
 * stream. Why not Lambda's own serializer: for a typed handler the runtime brings a second, shaded Jackson and
 * reflects over the events library's classes, some 700 classes and a third of a second of every cold start, to
 * fill the same few fields this class reads from a tree.
 *
 * <p>Only the fields API Gateway sends in format 2.0 are read; an absent field stays null, as with Lambda's
 * serializer. JWT claims arrive as strings; a claim sent as a number, a boolean or a list keeps its JSON text.
 */
public final class HttpApiEvents {
    private HttpApiEvents() {}

    /**
     * One invocation: the request read, answered, the answer written. Input that is not an HTTP API event (not JSON,
     * or not an object) is answered 400 with problem+json, as a request the router cannot read would be.
     */
    public static void serve(InputStream input, OutputStream output,
                             Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) throws IOException {
        APIGatewayV2HTTPEvent event;
        try {
            event = read(input);
        } catch (IllegalArgumentException unreadable) {
            write(ApiResponse.problem(HttpProblem.badRequest(unreadable.getMessage()), null).toEvent(), output);
            return;
        }
        write(handler.apply(event), output);
    }

    /** @throws IllegalArgumentException naming what is wrong when the input is not a JSON object */
    public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        JsonNode root = LambdaEventJson.read(input);
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the event is not a JSON object");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(root, "version"));
        event.setRouteKey(text(root, "routeKey"));
        event.setRawPath(text(root, "rawPath"));
        event.setRawQueryString(text(root, "rawQueryString"));
        event.setCookies(strings(root.get("cookies")));
        event.setHeaders(stringMap(root.get("headers")));
        event.setQueryStringParameters(stringMap(root.get("queryStringParameters")));
        event.setPathParameters(stringMap(root.get("pathParameters")));
        event.setStageVariables(stringMap(root.get("stageVariables")));
        event.setBody(text(root, "body"));
        event.setIsBase64Encoded(root.path("isBase64Encoded").asBoolean(false));
        event.setRequestContext(requestContext(root.get("requestContext")));
        return event;
    }

    /** The response as API Gateway reads it: statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(output)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> h : response.getHeaders().entrySet()) g.writeStringField(h.getKey(), h.getValue());
                g.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) g.writeObjectField("multiValueHeaders", response.getMultiValueHeaders());
            if (response.getCookies() != null) g.writeObjectField("cookies", response.getCookies());
            if (response.getBody() != null) g.writeStringField("body", response.getBody());
            g.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            g.writeEndObject();
        }
    }

    private static RequestContext requestContext(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        RequestContext context = new RequestContext();
        context.setRouteKey(text(node, "routeKey"));
        context.setAccountId(text(node, "accountId"));
        context.setStage(text(node, "stage"));
        context.setApiId(text(node, "apiId"));
        context.setDomainName(text(node, "domainName"));
        context.setDomainPrefix(text(node, "domainPrefix"));
        context.setTime(text(node, "time"));
        context.setTimeEpoch(node.path("timeEpoch").asLong(0));
        context.setRequestId(text(node, "requestId"));
        JsonNode http = node.get("http");
        if (http != null && http.isObject()) {
            RequestContext.Http h = new RequestContext.Http();
            h.setMethod(text(http, "method"));
            h.setPath(text(http, "path"));
            h.setProtocol(text(http, "protocol"));
            h.setSourceIp(text(http, "sourceIp"));
            h.setUserAgent(text(http, "userAgent"));
            context.setHttp(h);
        }
        context.setAuthorizer(authorizer(node.get("authorizer")));
        return context;
    }

    private static RequestContext.Authorizer authorizer(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        JsonNode jwt = node.get("jwt");
        if (jwt != null && jwt.isObject()) {
            RequestContext.Authorizer.JWT token = new RequestContext.Authorizer.JWT();
            token.setClaims(stringMap(jwt.get("claims")));
            token.setScopes(strings(jwt.get("scopes")));
            authorizer.setJwt(token);
        }
        JsonNode lambda = node.get("lambda");
        if (lambda != null && lambda.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            lambda.fields().forEachRemaining(f -> values.put(f.getKey(), Json.mapper().convertValue(f.getValue(), Object.class)));
            authorizer.setLambda(values);
        }
        return authorizer;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : scalarText(value);
    }

    /** A value where a string is expected: a string's text, any other value's JSON text. */
    private static String scalarText(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().isNull() ? null : scalarText(f.getValue())));
        return map;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) return null;
        List<String> list = new ArrayList<>(node.size());
        for (JsonNode item : node) list.add(item.isNull() ? null : scalarText(item));
        return list;
    }
}
