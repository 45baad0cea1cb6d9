package com.helpdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP route of template.yaml (any function's HttpApi or Api event) is described in openapi.yaml
 * with what the shared Router (functions/http-api) makes true of it: its request body's schema, a
 * schema for each success, problem+json errors, 401 where the gateway needs a token, 400 where a path
 * parameter is checked, 413 where a body is read. And openapi.yaml describes no route the stack lacks.
 */
class OpenApiRoutesTest {
    private static final Set<String> METHODS_WITH_BODY = Set.of("post", "put", "patch");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** One route of the template: the function serving it, its method and path, and whether it skips the JWT authorizer. */
    record TemplateRoute(String function, String method, String path, boolean open) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path + " (" + function + ")";
        }
    }

    @Test
    void everyTemplateRouteIsDescribedWithItsSchemas() {
        ObjectNode document = OpenApiFiles.openApi();
        List<TemplateRoute> routes = templateRoutes(OpenApiFiles.template());
        assertThat(routes).extracting(TemplateRoute::function)
                .contains("TicketApiFunction", "SlaAdminFunction", "MetricsApiFunction", "CsatSurveyFunction", "ChatWebhookFunction");
        List<String> problems = new ArrayList<>();
        for (TemplateRoute route : routes) problems.addAll(problemsOf(document, route));
        assertThat(problems).isEmpty();
    }

    @Test
    void openApiDescribesNoRouteTheTemplateLacks() {
        Set<String> served = new HashSet<>();
        for (TemplateRoute r : templateRoutes(OpenApiFiles.template())) served.add(r.method() + " " + r.path());
        List<String> described = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : OpenApiFiles.entries(OpenApiFiles.openApi().get("paths"))) {
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters") && !m.equals("summary") && !m.equals("description")) described.add(m + " " + path.getKey());
            });
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(described);
    }

    /** The checks must be able to fail: a description stripped of what the rules ask is reported, each thing by name. */
    @Test
    void aRouteMissingItsSchemasIsReported() {
        ObjectNode document = OpenApiFiles.openApi().deepCopy();
        ObjectNode patch = (ObjectNode) document.at("/paths/~1tickets~1{id}/patch");
        patch.remove("requestBody");
        ObjectNode responses = (ObjectNode) patch.get("responses");
        responses.remove(List.of("401", "400", "413"));
        ((ObjectNode) responses.get("200").get("content").get("application/json")).remove("schema");
        responses.putObject("409").put("description", "a conflict, with no body described");
        TemplateRoute route = new TemplateRoute("TicketApiFunction", "patch", "/tickets/{id}", false);

        assertThat(problemsOf(document, route)).containsExactlyInAnyOrder(
                route + ": no requestBody",
                route + ": no 401 (the JWT authorizer's refusal)",
                route + ": no 400 (path parameters are checked)",
                route + ": no 413 (the body size limit)",
                route + ": 200 application/json has no schema",
                route + ": 409 has no content");
        assertThat(problemsOf(document, new TemplateRoute("X", "get", "/nowhere", false)))
                .containsExactly("GET /nowhere (X): not in openapi.yaml");
    }

    static List<TemplateRoute> templateRoutes(JsonNode template) {
        List<TemplateRoute> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : OpenApiFiles.entries(template.get("Resources"))) {
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) continue;
            JsonNode events = resource.getValue().path("Properties").path("Events");
            for (JsonNode event : events) {
                String type = event.path("Type").asText();
                if (!type.equals("HttpApi") && !type.equals("Api")) continue;
                JsonNode p = event.get("Properties");
                out.add(new TemplateRoute(resource.getKey(), p.get("Method").asText().toLowerCase(Locale.ROOT),
                        p.get("Path").asText(), "NONE".equals(p.path("Auth").path("Authorizer").asText())));
            }
        }
        return out;
    }

    static List<String> problemsOf(JsonNode document, TemplateRoute route) {
        List<String> problems = new ArrayList<>();
        JsonNode pathItem = document.path("paths").path(route.path());
        JsonNode operation = pathItem.path(route.method());
        if (operation.isMissingNode()) return List.of(route + ": not in openapi.yaml");
        JsonNode responses = operation.path("responses");
        boolean open = operation.has("security") && operation.get("security").isEmpty();
        if (open != route.open()) problems.add(route + ": security [] must be set exactly on routes without the authorizer");
        if (!route.open() && !responses.has("401")) problems.add(route + ": no 401 (the JWT authorizer's refusal)");
        checkPathParameters(document, route, pathItem, operation, problems);
        if (METHODS_WITH_BODY.contains(route.method())) {
            JsonNode body = OpenApiFiles.resolve(document, operation.get("requestBody"));
            if (body == null) {
                problems.add(route + ": no requestBody");
            } else {
                contentSchemas(route, "requestBody", body, problems);
            }
            if (!responses.has("413")) problems.add(route + ": no 413 (the body size limit)");
        }
        checkResponses(document, route, responses, problems);
        return problems;
    }

    private static void checkPathParameters(JsonNode document, TemplateRoute route, JsonNode pathItem, JsonNode operation,
                                            List<String> problems) {
        Set<String> declared = new HashSet<>();
        for (JsonNode p : OpenApiFiles.pathParameters(document, pathItem)) declared.add(p.get("name").asText());
        for (JsonNode p : OpenApiFiles.pathParameters(document, operation)) declared.add(p.get("name").asText());
        Matcher m = PLACEHOLDER.matcher(route.path());
        boolean any = false;
        while (m.find()) {
            any = true;
            if (!declared.contains(m.group(1))) problems.add(route + ": path parameter {" + m.group(1) + "} is not described");
        }
        if (any && !operation.path("responses").has("400")) problems.add(route + ": no 400 (path parameters are checked)");
    }

    private static void checkResponses(JsonNode document, TemplateRoute route, JsonNode responses, List<String> problems) {
        boolean success = false;
        boolean htmlPage = false;
        for (Map.Entry<String, JsonNode> r : OpenApiFiles.entries(responses)) {
            if (r.getKey().startsWith("2")) {
                htmlPage |= OpenApiFiles.resolve(document, r.getValue()).path("content").has("text/html");
            }
        }
        for (Map.Entry<String, JsonNode> r : OpenApiFiles.entries(responses)) {
            String code = r.getKey();
            JsonNode response = OpenApiFiles.resolve(document, r.getValue());
            if (code.startsWith("2") || code.startsWith("3")) success = true;
            if (code.startsWith("2") && !code.equals("204")) {
                contentSchemas(route, code, response, problems);
            } else if (code.startsWith("4") || code.startsWith("5")) {
                contentSchemas(route, code, response, problems);
                for (String type : iterable(response.path("content").fieldNames())) {
                    boolean allowed = type.equals("application/problem+json") || htmlPage && type.equals("text/html");
                    if (!allowed) problems.add(route + ": " + code + " is " + type + ", not application/problem+json");
                }
            }
        }
        if (!success) problems.add(route + ": no success response");
    }

    /** Each media type of a body or response has a schema. */
    private static void contentSchemas(TemplateRoute route, String what, JsonNode bodyOrResponse, List<String> problems) {
        JsonNode content = bodyOrResponse.path("content");
        if (content.isEmpty()) {
            problems.add(route + ": " + what + " has no content");
            return;
        }
        for (Map.Entry<String, JsonNode> media : OpenApiFiles.entries(content)) {
            if (!media.getValue().has("schema")) problems.add(route + ": " + what + " " + media.getKey() + " has no schema");
        }
    }

    private static Iterable<String> iterable(java.util.Iterator<String> it) {
        return () -> it;
    }
}
