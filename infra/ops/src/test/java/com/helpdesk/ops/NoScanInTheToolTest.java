package com.helpdesk.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool reads the table as the functions do, by key and index: no class of it references the Scan API. */
class NoScanInTheToolTest {
    private static final List<String> SCAN_TYPES = List.of(
            "software/amazon/awssdk/services/dynamodb/model/ScanRequest",
            "software/amazon/awssdk/services/dynamodb/paginators/ScanIterable");

    @Test
    void noClassOfTheToolReferencesTheScanApi() throws IOException {
        Path classes = Path.of("target", "classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("the tool's compiled classes").extracting(p -> p.getFileName().toString()).contains("OpsMain.class");
        for (Path c : files) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String scan : SCAN_TYPES) assertThat(text).as(c + " references " + scan).doesNotContain(scan);
        }
    }
}
