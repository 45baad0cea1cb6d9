package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions' main code logs through SLF4J (one JSON line per event), and the local stack's through the
 * JDK's System.Logger, never to the console directly. Every module under functions/ is scanned, new ones too;
 * of infra/local only its command line writes to the console: LocalStackMain (the banner and the usage) and
 * LocalConsole (--verbose request lines, and the filter that keeps libraries' binding notices off stderr) and
 * DemoHelpdesk (the demo data's progress, printed under the banner). Of functions/ only the intent model's
 * trainer prints (it runs in the build, never in a function, and its held-out report belongs in the build output)
 * and CloudWatchMetrics, whose embedded metric format lines are metrics, not log events: CloudWatch reads them from
 * stdout as they are, and a log line would wrap them.
 */
class MainSourcesTest {
    private static final Pattern CONSOLE = Pattern.compile("System\\s*\\.\\s*(out|err)\\b|\\.printStackTrace\\s*\\(");
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));

    @Test
    void noMainSourceOfAFunctionWritesToTheConsole() throws IOException {
        Path functions = ROOT.resolve("functions");
        List<String> offenders = new ArrayList<>();
        int scanned = scan(functions, offenders, Set.of("IntentModelTrainer.java", "CloudWatchMetrics.java"));
        assertThat(scanned).as("main sources found under " + functions.toAbsolutePath()).isGreaterThan(50);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theLocalStackWritesToTheConsoleOnlyFromItsCommandLine() throws IOException {
        Path local = ROOT.resolve("infra/local");
        List<String> offenders = new ArrayList<>();
        int scanned = scan(local, offenders, Set.of("LocalStackMain.java", "LocalConsole.java", "DemoHelpdesk.java"));
        assertThat(scanned).as("main sources found under " + local.toAbsolutePath()).isGreaterThan(10);
        assertThat(offenders).isEmpty();
    }

    private static int scan(Path root, List<String> offenders, Set<String> commandLine) throws IOException {
        int scanned = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                scanned++;
                if (commandLine.contains(file.getFileName().toString())) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (CONSOLE.matcher(lines.get(i)).find()) offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return scanned;
    }
}
