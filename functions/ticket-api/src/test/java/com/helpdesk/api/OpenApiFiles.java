package com.helpdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** openapi.yaml (as the function serves it) and template.yaml, read as trees, with the lookups the tests share. */
final class OpenApiFiles {
    static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    /** CloudFormation's short tags (!Ref, !Sub...) are kept as plain values: only the routes are read. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiFiles() {}

    static ObjectNode openApi() {
        try (InputStream in = OpenApiFiles.class.getResourceAsStream("/openapi.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode template() {
        try {
            return YAML.readTree(ROOT.resolve("template.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        object.fields().forEachRemaining(out::add);
        return out;
    }

    /** Follows a local {@code $ref} ("#/components/responses/NotFound") to what it names. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode n = node;
        while (n != null && n.has("$ref")) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("not a local reference: " + ref);
            n = document.at(ref.substring(1));
            if (n.isMissingNode()) throw new IllegalArgumentException("dangling reference: " + ref);
        }
        return n;
    }

    /** The path parameters a path item declares for all its operations ($refs resolved). */
    static List<JsonNode> pathParameters(JsonNode document, JsonNode pathItem) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : pathItem.path("parameters")) {
            JsonNode parameter = resolve(document, p);
            if ("path".equals(parameter.path("in").asText())) out.add(parameter);
        }
        return out;
    }
}
