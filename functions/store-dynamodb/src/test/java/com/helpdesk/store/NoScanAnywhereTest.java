package com.helpdesk.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request path must be a GetItem, a Query or a conditional write. Besides the client guard in
 * the store tests, no compiled class of any function may even reference the Scan API.
 */
class NoScanAnywhereTest {
    private static final List<String> SCAN_TYPES = List.of(
            "software/amazon/awssdk/services/dynamodb/model/ScanRequest",
            "software/amazon/awssdk/services/dynamodb/paginators/ScanIterable");

    @Test
    void noFunctionClassReferencesTheScanApi() throws IOException {
        Path functions = Path.of(System.getProperty("helpdesk.root", "../..")).resolve("functions");
        List<Path> classes;
        try (Stream<Path> files = Files.walk(functions)) {
            classes = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> p.toString().contains("/target/classes/")).toList();
        }
        assertThat(classes).as("compiled classes of this module at least").isNotEmpty();
        for (Path c : classes) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String scan : SCAN_TYPES) {
                assertThat(text).as(c + " references " + scan).doesNotContain(scan);
            }
        }
    }
}
