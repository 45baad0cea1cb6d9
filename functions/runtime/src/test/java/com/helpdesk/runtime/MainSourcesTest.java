package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The functions' main code logs through SLF4J (one JSON line per event), never to the console directly. */
class MainSourcesTest {
    private static final Pattern CONSOLE = Pattern.compile("System\\s*\\.\\s*(out|err)\\b|\\.printStackTrace\\s*\\(");

    @Test
    void noMainSourceOfAFunctionWritesToTheConsole() throws IOException {
        Path functions = Path.of(System.getProperty("helpdesk.root", "../..")).resolve("functions");
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(functions)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                scanned++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (CONSOLE.matcher(lines.get(i)).find()) offenders.add(functions.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(scanned).as("main sources found under " + functions.toAbsolutePath()).isGreaterThan(50);
        assertThat(offenders).isEmpty();
    }
}
