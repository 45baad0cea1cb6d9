package com.helpdesk.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnpackedTest {
    @TempDir
    Path tmp;

    @Test
    void aJarIsUnpackedOnceIntoADirectoryWithItsClassesAndResources() throws IOException {
        Path jar = jar("function.jar", Map.of("com/example/Handler.class", "bytes", "log4j2.json", "{}", "META-INF/MANIFEST.MF", "x"));
        Path dir = Unpacked.into(tmp.resolve("unpacked"), jar);
        assertThat(dir.resolve("com/example/Handler.class")).hasContent("bytes");
        assertThat(dir.resolve("log4j2.json")).hasContent("{}");
        Files.writeString(dir.resolve("marker"), "kept");
        assertThat(Unpacked.into(tmp.resolve("unpacked"), jar)).isEqualTo(dir);
        assertThat(dir.resolve("marker")).as("not unpacked a second time").exists();
    }

    @Test
    void aRebuiltJarIsUnpackedAnew() throws IOException {
        Path jar = jar("function.jar", Map.of("log4j2.json", "{}"));
        Path first = Unpacked.into(tmp.resolve("unpacked"), jar);
        jar = jar("function.jar", Map.of("log4j2.json", "{\"configuration\":{}}"));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        Path second = Unpacked.into(tmp.resolve("unpacked"), jar);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.resolve("log4j2.json")).hasContent("{\"configuration\":{}}");
    }

    @Test
    void anEntryOutsideTheDirectoryIsRefused() throws IOException {
        Path jar = jar("evil.jar", Map.of("../../outside.txt", "no"));
        assertThatThrownBy(() -> Unpacked.into(tmp.resolve("unpacked"), jar)).hasMessageContaining("evil.jar")
                .rootCause().hasMessageContaining("../../outside.txt");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
