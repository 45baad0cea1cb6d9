package com.helpdesk.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.LocalStackHarness;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The event catalog in events/bus: one JSON Schema per detail-type (schemas/) and one sample event. */
final class EventCatalog {
    static final Path FOLDER = LocalStackHarness.root().resolve("events/bus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventCatalog() {}

    /** The detail-types the code emits (constants of EventTypes). */
    static Set<String> detailTypes() {
        Set<String> types = new TreeSet<>();
        for (Field f : com.helpdesk.core.event.EventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("SOURCE")) {
                try {
                    types.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems with an event's detail against its detail-type's schema; empty when it conforms. */
    static List<String> violations(String detailType, JsonNode detail) {
        Path schemaFile = FOLDER.resolve("schemas/" + detailType + ".schema.json");
        if (!Files.exists(schemaFile)) return List.of("no schema for " + detailType);
        JsonSchema schema = SCHEMAS.getSchema(read(schemaFile));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(detail)) out.add(detailType + ": " + m.getMessage());
        return out;
    }
}
