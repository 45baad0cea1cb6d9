package com.helpdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Each function's shaded jar (functions/x/target/function.jar) against the baseline handler's jar, with how
 * many classes of the libraries the code does not use (other HTTP clients, Joda-Time) it still carries.
 */
final class JarSizeBench {
    private static final Map<String, String> UNUSED = Map.of("io/netty/", "Netty", "org/apache/http/", "Apache HttpClient",
            "org/joda/time/", "Joda-Time");

    private JarSizeBench() {}

    static void run(Report report) throws IOException {
        Path baseline = ColdStartBench.BASELINE;
        if (!Files.isRegularFile(baseline)) throw new IllegalStateException(baseline + " is missing: build infra/bench first");
        long base = Files.size(baseline);
        List<Path> jars;
        try (Stream<Path> dirs = Files.list(Path.of("functions"))) {
            jars = dirs.map(d -> d.resolve("target/function.jar")).filter(Files::isRegularFile).sorted().toList();
        }
        for (Path jar : jars) {
            long size = Files.size(jar);
            report.add("jars", jar.getParent().getParent().getFileName() + " function.jar" + unused(jar),
                    String.format("%.1f MB", size / 1048576.0), String.format("%.1f MB", base / 1048576.0), size / (double) base, "only what it uses");
        }
    }

    private static String unused(Path jar) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            f.stream().filter(e -> e.getName().endsWith(".class")).forEach(e -> UNUSED.forEach((prefix, name) -> {
                if (e.getName().startsWith(prefix)) counts.merge(name, 1, Integer::sum);
            }));
        }
        if (counts.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (carries ");
        counts.forEach((name, n) -> sb.append(name).append(' ').append(n).append(" classes, "));
        return sb.substring(0, sb.length() - 2) + ")";
    }
}
