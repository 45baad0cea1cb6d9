package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentScore;
import com.helpdesk.core.triage.IntentSource;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.JsonFields;

import java.io.IOException;
import java.util.List;

/**
 * A ticket's intent as its item stores it (the {@code intent} attribute), field by field: the names and shapes
 * Jackson's record binding wrote before (component names, enums by name, an ISO-8601 instant), so intents stored by
 * either read the same. Read from the tree, not bound by reflection: binding the Intent record was about a fifth of
 * triage's first classification in a cold function.
 */
final class IntentJson {
    private IntentJson() {}

    static String write(Intent intent) {
        return Json.write(g -> write(intent, g));
    }

    private static void write(Intent intent, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", intent.name() == null ? null : intent.name().name());
        g.writeNumberField("confidence", intent.confidence());
        g.writeStringField("source", intent.source().name());
        g.writeStringField("language", intent.language());
        g.writeStringField("model", intent.model());
        writeScores("suggestions", intent.suggestions(), g);
        g.writeFieldName("correction");
        Intent.Correction c = intent.correction();
        if (c == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("modelSaid", c.modelSaid() == null ? null : c.modelSaid().name());
            g.writeNumberField("modelConfidence", c.modelConfidence());
            writeScores("modelSuggestions", c.modelSuggestions(), g);
            g.writeStringField("by", c.by());
            g.writeEndObject();
        }
        g.writeStringField("at", intent.at() == null ? null : intent.at().toString());
        g.writeEndObject();
    }

    private static void writeScores(String field, List<IntentScore> scores, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(field);
        for (IntentScore s : scores) {
            g.writeStartObject();
            g.writeStringField("name", s.name().name());
            g.writeNumberField("confidence", s.confidence());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** @throws IllegalStateException when the stored text is not an intent (it names the field) */
    static Intent read(String json) {
        try {
            JsonFields i = JsonFields.root(Json.mapper().readTree(json), "the stored intent");
            return new Intent(i.constant("name", IntentName.class), i.decimal("confidence"), i.constant("source", IntentSource.class),
                    i.text("language"), i.text("model"), i.list("suggestions", IntentJson::score),
                    i.object("correction", IntentJson::correction), i.instant("at"));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored intent cannot be read: " + e.getMessage(), e);
        }
    }

    private static IntentScore score(JsonNode node, String path) {
        JsonFields s = JsonFields.of(node, path);
        return new IntentScore(s.constant("name", IntentName.class), s.decimal("confidence"));
    }

    private static Intent.Correction correction(JsonNode node, String path) {
        JsonFields c = JsonFields.of(node, path);
        return new Intent.Correction(c.constant("modelSaid", IntentName.class), c.decimal("modelConfidence"),
                c.list("modelSuggestions", IntentJson::score), c.text("by"));
    }
}
