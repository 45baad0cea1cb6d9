package com.helpdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's jar unpacked into a directory, as Lambda runs a .zip or .jar package: it extracts it into
 * {@code /var/task} and puts that directory on the class path, so classes are read from files, not inflated from
 * the archive. Unpacked once per jar per bench run, under {@code infra/bench/target/unpacked}.
 */
final class Unpacked {
    private static final Map<Path, Path> DONE = new HashMap<>();

    private Unpacked() {}

    static synchronized Path of(Path jar) {
        return DONE.computeIfAbsent(jar.toAbsolutePath(), j -> into(Path.of("infra/bench/target/unpacked"), j));
    }

    /**
     * The jar unpacked under {@code root}, once per build of it: the directory is named by the jar's path, size and
     * modification time, so a rebuilt jar is unpacked anew and never measured as its previous build.
     */
    static Path into(Path root, Path jar) {
        try {
            String build = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            Path dir = Files.createDirectories(root.toAbsolutePath())
                    .resolve(jar.getFileName() + "-" + Integer.toHexString(build.hashCode()));
            if (Files.isDirectory(dir)) return dir;
            Path partial = Files.createTempDirectory(dir.getParent(), "partial");
            try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path target = partial.resolve(e.getName()).normalize();
                    if (!target.startsWith(partial)) throw new IOException("entry outside the jar's directory: " + e.getName());
                    if (e.isDirectory()) Files.createDirectories(target);
                    else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                    }
                }
            }
            return Files.move(partial, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar, e);
        }
    }
}
