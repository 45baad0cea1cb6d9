package com.helpdesk.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTest {

    @Test
    void everyDetailTypeHasASchemaAndASampleThatConformsToIt() {
        for (String type : EventCatalog.detailTypes()) {
            assertThat(EventCatalog.FOLDER.resolve("schemas/" + type + ".schema.json")).as(type + " schema").exists();
            assertThat(EventCatalog.FOLDER.resolve(type + ".json")).as(type + " sample").exists();
            JsonNode sample = EventCatalog.read(EventCatalog.FOLDER.resolve(type + ".json"));
            assertThat(sample.get("detail-type").asText()).isEqualTo(type);
            assertThat(sample.get("source").asText()).isEqualTo("helpdesk.tickets");
            assertThat(EventCatalog.violations(type, sample.get("detail"))).as(type).isEmpty();
        }
    }

    @Test
    void theSchemasRefuseWhatTheyShould() {
        JsonNode sample = EventCatalog.read(EventCatalog.FOLDER.resolve("StatusChanged.json")).get("detail");
        var broken = sample.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("data")).put("to", "sleeping");
        assertThat(EventCatalog.violations("StatusChanged", broken)).isNotEmpty();
        var noId = sample.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noId).remove("eventId");
        assertThat(EventCatalog.violations("StatusChanged", noId)).isNotEmpty();
    }

    @Test
    void noSchemaWithoutADetailType() throws Exception {
        try (var files = Files.list(EventCatalog.FOLDER.resolve("schemas"))) {
            files.forEach(f -> assertThat(EventCatalog.detailTypes())
                    .contains(f.getFileName().toString().replace(".schema.json", "")));
        }
    }
}
